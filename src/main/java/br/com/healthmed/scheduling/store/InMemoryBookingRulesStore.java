package br.com.healthmed.scheduling.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.BookingRules;
import br.com.healthmed.scheduling.BookingRulesStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Doctors' booking rules in memory. */
class InMemoryBookingRulesStore implements BookingRulesStore {

    private final Map<AccountId, BookingRules> byDoctor = new ConcurrentHashMap<>();

    @Override
    public Optional<BookingRules> find(AccountId doctorId) {
        return Optional.ofNullable(byDoctor.get(doctorId));
    }

    @Override
    public Map<AccountId, BookingRules> findAll(Collection<AccountId> doctorIds) {
        Map<AccountId, BookingRules> found = new HashMap<>();
        doctorIds.forEach(id -> find(id).ifPresent(rules -> found.put(id, rules)));
        return found;
    }

    @Override
    public void put(AccountId doctorId, BookingRules rules) {
        byDoctor.put(doctorId, rules);
    }
}
