package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * A participant's appointments, page by page. Statuses are filtered after time has settled them, so
 * a request whose start passed shows as EXPIRED whether or not the sweep got to it.
 */
@Service
@NamedInterface("api")
public class AppointmentQueries {

    public static final int MAX_PAGE = 100;
    private static final int STORE_PAGE = 100;
    /** Appointments read per call at most: a rare status over years of history answers in pages, not in one long scan. */
    private static final int MAX_SCANNED = 1_000;

    private final AppointmentStore appointments;
    private final Clock clock;

    AppointmentQueries(AppointmentStore appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    /**
     * One page: the appointments in the order read, the cursor of each, whether more may follow that way,
     * and where to go on from (the last appointment read, which with a status filter may be past the last
     * one returned).
     */
    public record Page(List<Appointment> appointments, List<String> cursors, boolean hasMore, Optional<String> stoppedAt) {}

    /** A page read forwards, by start. */
    public Page of(AccountId caller, Role role, Optional<AppointmentStatus> status, Instant from, Instant to, int first,
                   Optional<String> after) {
        return of(caller, role, status, from, to, first, after, AppointmentStore.Direction.FORWARD);
    }

    /**
     * A page of at most {@code size} appointments read from just beyond {@code cursor} (a {@link SortKeys}
     * key) in {@code direction}: FORWARD by start, BACKWARD from the latest start back into the past.
     */
    public Page of(AccountId caller, Role role, Optional<AppointmentStatus> status, Instant from, Instant to, int size,
                   Optional<String> cursor, AppointmentStore.Direction direction) {
        checkFirst(size);
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        if (!to.isAfter(from)) {
            throw DomainException.invalid(SchedulingErrors.INVALID_DATE_RANGE, "to", "to must be after from");
        }
        cursor.ifPresent(c -> checkCursor(c, direction == AppointmentStore.Direction.FORWARD ? "after" : "before"));
        Instant now = clock.instant();
        List<Appointment> found = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        Optional<String> position = cursor;
        int scanned = 0;
        while (true) {
            AppointmentStore.Page page = role == Role.DOCTOR
                    ? appointments.ofDoctor(caller, from, to, position, STORE_PAGE, direction)
                    : appointments.ofPatient(caller, from, to, position, STORE_PAGE, direction);
            for (int i = 0; i < page.appointments().size(); i++) {
                Appointment settled = page.appointments().get(i).settledAt(now);
                if (status.isEmpty() || status.get() == settled.status()) {
                    if (found.size() == size) {
                        return new Page(found, cursors, true, position);
                    }
                    found.add(settled);
                    cursors.add(page.cursors().get(i));
                }
                position = Optional.of(page.cursors().get(i));
                if (++scanned == MAX_SCANNED && (i + 1 < page.appointments().size() || page.hasMore())) {
                    return new Page(found, cursors, true, position);
                }
            }
            if (!page.hasMore()) {
                return new Page(found, cursors, false, position);
            }
        }
    }

    /**
     * Every appointment of the participant, past and upcoming, in start order, settled to now: for a
     * copy of the person's data (LGPD art. 18 II and V). Reads page by page, in proportion to the history.
     */
    public List<Appointment> allOf(AccountId participant, Role role) {
        Instant now = clock.instant();
        Instant from = Instant.EPOCH;
        Instant to = now.plus(java.time.Duration.ofDays(400));
        List<Appointment> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        while (true) {
            AppointmentStore.Page page = role == Role.DOCTOR
                    ? appointments.ofDoctor(participant, from, to, cursor, STORE_PAGE)
                    : appointments.ofPatient(participant, from, to, cursor, STORE_PAGE);
            page.appointments().forEach(a -> all.add(a.settledAt(now)));
            if (!page.hasMore() || page.cursors().isEmpty()) {
                return all;
            }
            cursor = Optional.of(page.cursors().get(page.cursors().size() - 1));
        }
    }

    /** A doctor's reviews, newest first. */
    public AppointmentStore.ReviewPage reviews(AccountId doctorId, int first, Optional<String> after) {
        checkFirst(first);
        after.ifPresent(cursor -> checkCursor(cursor, "after"));
        return appointments.reviewsOf(doctorId, after, first);
    }

    private static void checkFirst(int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "first", "first must be 1 to " + MAX_PAGE);
        }
    }

    /** Cursors are {@link SortKeys} ({@code <instant>#<id>}); anything else is refused. */
    private static void checkCursor(String cursor, String field) {
        if (!SortKeys.isWellFormed(cursor)) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "Not a cursor this list returned.");
        }
    }
}
