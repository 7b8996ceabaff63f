package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.consent.TeleconsultationConsent;
import br.com.healthmed.platform.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code consents}: the patient's acceptance of the teleconsultation consent (TCLE) in force — its
 * version, when, from which address, the SHA-256 of the exact text accepted, and when it was withdrawn
 * if it was. A doctor gives none: empty. Acceptances of versions no longer in force are kept by the
 * consent module but not listed by its API yet (see docs/privacy.md).
 */
@Component
@Order(45)
class ConsentsSection implements PersonalDataSection {

    private final TeleconsultationConsent consent;

    ConsentsSection(TeleconsultationConsent consent) {
        this.consent = consent;
    }

    @Override
    public String key() {
        return "consents";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        if (subject.role() != Role.PATIENT) {
            return Optional.empty();
        }
        return Optional.of(consent.acceptanceOfCurrentVersion(subject.account())
                .map(acceptance -> List.<Object>of(object(
                        "kind", "TELECONSULTATION",
                        "version", acceptance.version(),
                        "textSha256", acceptance.textSha256(),
                        "acceptedAt", acceptance.acceptedAt(),
                        "clientAddress", acceptance.clientAddress(),
                        "withdrawnAt", acceptance.withdrawnAt())))
                .orElse(List.of()));
    }
}
