package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where doctors' booking rules live. Implementations must pass {@code BookingRulesStoreContract}. */
public interface BookingRulesStore {

    /** The rules the doctor set; empty when they never set any (the defaults apply). */
    Optional<BookingRules> find(AccountId doctorId);

    /** The rules of those doctors who set some; others are absent from the map. */
    Map<AccountId, BookingRules> findAll(Collection<AccountId> doctorIds);

    /** Replaces the doctor's rules (the last write wins: a doctor edits only their own). */
    void put(AccountId doctorId, BookingRules rules);
}
