package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Each doctor's booking rules (the defaults until they set their own), and the checks they make on a
 * booking or a reschedule: not inside the minimum notice, not further ahead than allowed.
 */
@Service
public class DoctorBookingRules {

    private final BookingRulesStore store;
    private final Practices practices;
    private final SchedulingProperties properties;

    DoctorBookingRules(BookingRulesStore store, Practices practices, SchedulingProperties properties) {
        this.store = store;
        this.practices = practices;
        this.properties = properties;
    }

    public BookingRules of(AccountId doctorId) {
        return store.find(doctorId).orElse(BookingRules.DEFAULTS);
    }

    /** The rules of each doctor (defaults for those who never set any). */
    public Map<AccountId, BookingRules> ofAll(Collection<AccountId> doctorIds) {
        Map<AccountId, BookingRules> found = new HashMap<>(store.findAll(Set.copyOf(doctorIds)));
        doctorIds.forEach(id -> found.putIfAbsent(id, BookingRules.DEFAULTS));
        return found;
    }

    /** The doctor replaces their rules; every value is checked (BAD_USER_INPUT with the field). */
    public BookingRules update(AccountId doctorId, int minimumNoticeMinutes, int maximumAdvanceDays, int bufferMinutes,
                               int lateCancellationNoticeHours, boolean instantBooking) {
        practices.of(doctorId); // NOT_FOUND unless a doctor
        BookingRules rules = BookingRules.checked(minimumNoticeMinutes, maximumAdvanceDays, bufferMinutes,
                lateCancellationNoticeHours, instantBooking, properties.horizon());
        store.put(doctorId, rules);
        return rules;
    }

    /** Whether a slot starting at {@code start} may be booked at {@code now} under {@code rules}. */
    static boolean allows(BookingRules rules, Instant start, Instant now) {
        return !start.isBefore(now.plus(rules.minimumNotice())) && !start.isAfter(now.plus(rules.maximumAdvance()));
    }

    /** {@code BOOKING_NOTICE_TOO_SHORT} or {@code BOOKING_TOO_FAR_AHEAD} unless the rules allow booking {@code start} now. */
    static void check(BookingRules rules, Instant start, Instant now) {
        if (start.isBefore(now.plus(rules.minimumNotice()))) {
            throw new DomainException(SchedulingErrors.BOOKING_NOTICE_TOO_SHORT,
                    "This doctor takes bookings at least " + minutes(rules.minimumNotice()) + " minutes before the start.",
                    Map.of("minimumNoticeMinutes", minutes(rules.minimumNotice())));
        }
        if (start.isAfter(now.plus(rules.maximumAdvance()))) {
            throw new DomainException(SchedulingErrors.BOOKING_TOO_FAR_AHEAD,
                    "This doctor takes bookings at most " + rules.maximumAdvance().toDays() + " days ahead.",
                    Map.of("maximumAdvanceDays", rules.maximumAdvance().toDays()));
        }
    }

    private static long minutes(Duration duration) {
        return duration.toMinutes();
    }
}
