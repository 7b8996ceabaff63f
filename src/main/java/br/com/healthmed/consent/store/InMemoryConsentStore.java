package br.com.healthmed.consent.store;

import br.com.healthmed.consent.ConsentAcceptance;
import br.com.healthmed.consent.ConsentStore;
import br.com.healthmed.identity.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Consent acceptances in memory: the embedded default. */
class InMemoryConsentStore implements ConsentStore {

    private record Key(AccountId patient, String version) {}

    private final Map<Key, ConsentAcceptance> acceptances = new ConcurrentHashMap<>();

    @Override
    public ConsentAcceptance accept(ConsentAcceptance acceptance) {
        return acceptances.merge(new Key(acceptance.patient(), acceptance.version()), acceptance,
                (stored, fresh) -> stored.inForce() ? stored : fresh);
    }

    @Override
    public boolean withdraw(AccountId patient, String version, Instant at) {
        boolean[] withdrawn = {false};
        acceptances.computeIfPresent(new Key(patient, version), (key, stored) -> {
            if (!stored.inForce()) {
                return stored;
            }
            withdrawn[0] = true;
            return new ConsentAcceptance(stored.patient(), stored.version(), stored.textSha256(), stored.acceptedAt(),
                    stored.clientAddress(), Optional.of(at));
        });
        return withdrawn[0];
    }

    @Override
    public Optional<ConsentAcceptance> find(AccountId patient, String version) {
        return Optional.ofNullable(acceptances.get(new Key(patient, version)));
    }

    @Override
    public Map<AccountId, ConsentAcceptance> findAll(Collection<AccountId> patients, String version) {
        Map<AccountId, ConsentAcceptance> found = new HashMap<>();
        patients.forEach(patient -> find(patient, version).ifPresent(a -> found.put(patient, a)));
        return found;
    }
}
