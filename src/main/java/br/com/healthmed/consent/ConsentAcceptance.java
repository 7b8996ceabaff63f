package br.com.healthmed.consent;

import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A patient accepted a version of the teleconsultation consent: when, from which client address (as
 * the load balancer reported it), and which exact text (its SHA-256); and, if the patient withdrew it
 * since (LGPD art. 8 §5), when. A withdrawn acceptance counts as none.
 */
@NamedInterface("api")
public record ConsentAcceptance(AccountId patient, String version, String textSha256, Instant acceptedAt,
                                Optional<String> clientAddress, Optional<Instant> withdrawnAt) {

    public ConsentAcceptance(AccountId patient, String version, String textSha256, Instant acceptedAt, Optional<String> clientAddress) {
        this(patient, version, textSha256, acceptedAt, clientAddress, Optional.empty());
    }

    public boolean inForce() {
        return withdrawnAt.isEmpty();
    }

    public ConsentAcceptance {
        Objects.requireNonNull(patient);
        Objects.requireNonNull(version);
        Objects.requireNonNull(textSha256);
        Objects.requireNonNull(acceptedAt);
        Objects.requireNonNull(clientAddress);
        Objects.requireNonNull(withdrawnAt);
    }

    /** No address in logs. */
    @Override
    public String toString() {
        return "ConsentAcceptance[patient=" + patient + ", version=" + version + ", acceptedAt=" + acceptedAt + "]";
    }
}
