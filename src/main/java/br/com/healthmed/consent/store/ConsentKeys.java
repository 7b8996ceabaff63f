package br.com.healthmed.consent.store;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The key shapes of the consent module's items in the single table (docs/consent.md mirrors it). */
final class ConsentKeys {

    private ConsentKeys() {}

    /** A patient's acceptance of one version of the teleconsultation consent: {@code CONSENT#<patient>} / {@code TCLE#<version>}. */
    static Map<String, AttributeValue> teleconsultation(String patientId, String version) {
        return Keys.key("CONSENT#" + patientId, "TCLE#" + version);
    }
}
