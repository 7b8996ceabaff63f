package br.com.healthmed.consent.store;

import static br.com.healthmed.platform.storage.StoredKey.shown;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The consent module's keys are stored in DynamoDB: this string must never change. */
class ConsentKeyShapesTest {

    @Test
    void theTeleconsultationConsentIsPinned() {
        assertThat(shown(ConsentKeys.teleconsultation("p", "v2"))).isEqualTo("CONSENT#p / TCLE#v2");
    }
}
