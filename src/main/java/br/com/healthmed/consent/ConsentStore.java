package br.com.healthmed.consent;

import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where consent acceptances live, one per patient and version. Implementations must pass {@code ConsentStoreContract}. */
public interface ConsentStore {

    /**
     * Stores the acceptance unless the patient's acceptance of this version is in force, in one
     * conditional write; returns the acceptance now stored (accepting again keeps the first instant;
     * accepting after a withdrawal stores the new one).
     */
    ConsentAcceptance accept(ConsentAcceptance acceptance);

    /** Marks the patient's acceptance of this version withdrawn at {@code at}; false if there is none in force. */
    boolean withdraw(AccountId patient, String version, java.time.Instant at);

    Optional<ConsentAcceptance> find(AccountId patient, String version);

    /** The acceptances of this version among {@code patients}, by patient; one round trip per batch. */
    Map<AccountId, ConsentAcceptance> findAll(Collection<AccountId> patients, String version);
}
