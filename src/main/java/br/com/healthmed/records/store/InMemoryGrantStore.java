package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.GrantStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Grants in memory: the embedded default. */
class InMemoryGrantStore implements GrantStore {

    private final Map<GrantId, Grant> grants = new ConcurrentHashMap<>();

    @Override
    public boolean create(Grant grant) {
        return grants.putIfAbsent(grant.id(), grant) == null;
    }

    @Override
    public Optional<Grant> grant(AccountId patient, GrantId id) {
        return Optional.ofNullable(grants.get(id)).filter(grant -> grant.patient().equals(patient));
    }

    @Override
    public List<Grant> grantsOf(AccountId patient) {
        return grants.values().stream().filter(grant -> grant.patient().equals(patient))
                .sorted(Comparator.comparing(Grant::createdAt).reversed().thenComparing(grant -> grant.id().value()))
                .toList();
    }

    @Override
    public List<Grant> grantsBetween(AccountId patient, AccountId doctor) {
        return grantsOf(patient).stream().filter(grant -> grant.doctor().equals(doctor)).toList();
    }

    @Override
    public List<Grant> activeGrantsTo(AccountId doctor, Instant now) {
        return grants.values().stream().filter(grant -> grant.doctor().equals(doctor) && grant.activeAt(now))
                .sorted(Comparator.comparing(Grant::expiresAt).thenComparing(grant -> grant.id().value()))
                .toList();
    }

    @Override
    public boolean revoke(AccountId patient, GrantId id, Instant at) {
        if (grant(patient, id).isEmpty()) {
            return false;
        }
        grants.computeIfPresent(id, (key, grant) -> grant.revokedAt().isPresent() ? grant : grant.revokedAt(at));
        return true;
    }
}
