package br.com.healthmed.consent;

import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where consent acceptances live, one per patient and version. Implementations must pass {@code ConsentStoreContract}. */
public interface ConsentStore {

    /**
     * Stores the acceptance unless the patient already accepted this version, in one conditional
     * write; returns the acceptance now stored (the first one: accepting again keeps its instant).
     */
    ConsentAcceptance accept(ConsentAcceptance acceptance);

    Optional<ConsentAcceptance> find(AccountId patient, String version);

    /** The acceptances of this version among {@code patients}, by patient; one round trip per batch. */
    Map<AccountId, ConsentAcceptance> findAll(Collection<AccountId> patients, String version);
}
