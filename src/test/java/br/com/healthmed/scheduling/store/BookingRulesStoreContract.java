package br.com.healthmed.scheduling.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.BookingRules;
import br.com.healthmed.scheduling.BookingRulesStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link BookingRulesStore} must do. */
abstract class BookingRulesStoreContract {

    protected abstract BookingRulesStore store();

    @Test
    void aDoctorWithoutRulesHasNoneStoredAndStoredRulesReadBackAndAreReplacedWhole() {
        AccountId doctor = AccountId.random();
        assertThat(store().find(doctor)).isEmpty();

        BookingRules first = new BookingRules(Duration.ofHours(2), Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofHours(12), true);
        store().put(doctor, first);
        assertThat(store().find(doctor)).contains(first);

        BookingRules second = new BookingRules(Duration.ZERO, Duration.ofDays(90), Duration.ZERO, Duration.ofHours(24), false);
        store().put(doctor, second);
        assertThat(store().find(doctor)).contains(second);
    }

    @Test
    void rulesOfSeveralDoctorsAreReadAtOnceAndDoctorsWithoutRulesAreAbsent() {
        AccountId withRules = AccountId.random();
        AccountId without = AccountId.random();
        BookingRules rules = new BookingRules(Duration.ofMinutes(90), Duration.ofDays(14), Duration.ofMinutes(5), Duration.ZERO, false);
        store().put(withRules, rules);

        assertThat(store().findAll(List.of(withRules, without))).isEqualTo(Map.of(withRules, rules));
        assertThat(store().findAll(List.of())).isEmpty();
    }
}
