package br.com.healthmed.privacy;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only item of an account's "Inativação" record: who asked, when, why, from where, and
 * what was done at each step. Never changed or deleted (the LGPD's accountability, art. 37: the
 * controller keeps a record of what it did with the data on the subject's request).
 *
 * @param outcome what the step did, e.g. {@code appointmentsEnded=2}; empty for the request itself
 */
public record DeactivationRecord(
        UUID requestId,
        Step step,
        AccountId account,
        Role role,
        Instant at,
        Optional<String> reason,
        Optional<String> clientAddress,
        Map<String, String> outcome) {

    /** The steps, in the order they happen; each happens at most once per request. */
    public enum Step {
        /** The owner asked, with their password: the account is deactivated from this moment. */
        REQUESTED,
        /** Sessions, upcoming appointments, shares and the doctor's listing and free slots were ended. */
        CASCADE_DONE,
        /** The owner came back within the grace. */
        REACTIVATED,
        /** The grace ended: personal data not under a legal duty was anonymised, login claims released. */
        ANONYMISED
    }

    public DeactivationRecord {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(step);
        Objects.requireNonNull(account);
        Objects.requireNonNull(role);
        Objects.requireNonNull(at);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(clientAddress);
        outcome = Map.copyOf(outcome);
    }
}
