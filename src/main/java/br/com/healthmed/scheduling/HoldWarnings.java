package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Flags on a doctor's waiting requests that suggest one person holding several of the doctor's slots
 * through several accounts: the same network or device as another waiting request with this doctor,
 * or an account created just before the booking. The doctor sees the flags only — never a digest,
 * let alone an address — and can decline flagged requests at once ({@link HoldRelease}).
 *
 * <p>Compared against every request of the doctor still waiting for an answer, up to
 * {@value #MAX_COMPARED} of them (read in pages from the doctor's upcoming appointments); a doctor with
 * more waiting requests than that gets flags from the first ones only.
 */
@Service
public class HoldWarnings {

    static final int MAX_COMPARED = 2_000;
    private static final int PAGE = 100;

    private final AppointmentStore appointments;
    private final AccountDirectory accounts;
    private final SchedulingProperties scheduling;
    private final BookingLimitsProperties limits;
    private final Clock clock;

    HoldWarnings(AppointmentStore appointments, AccountDirectory accounts, SchedulingProperties scheduling,
                 BookingLimitsProperties limits, Clock clock) {
        this.appointments = appointments;
        this.accounts = accounts;
        this.scheduling = scheduling;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The warnings of those of {@code requests} that are this doctor's and still waiting (an empty set
     * when nothing stands out); other appointments are absent from the map.
     */
    public Map<AppointmentId, Set<HoldWarning>> of(AccountId doctor, Collection<Appointment> requests) {
        Instant now = clock.instant();
        List<Appointment> asked = requests.stream()
                .filter(a -> a.doctorId().equals(doctor) && a.statusAt(now) == AppointmentStatus.REQUESTED).toList();
        if (asked.isEmpty()) {
            return Map.of();
        }
        List<Appointment> waiting = waitingRequests(doctor, now);
        Map<String, Long> byNetwork = count(waiting, BookingOrigin::network);
        Map<String, Long> byWideNetwork = count(waiting, BookingOrigin::wideNetwork);
        Map<String, Long> byDevice = count(waiting, BookingOrigin::device);
        Map<AccountId, AccountSummary> patients = accounts.findAll(asked.stream().map(Appointment::patientId).collect(Collectors.toSet()));
        Map<AppointmentId, Set<HoldWarning>> warnings = new HashMap<>();
        for (Appointment request : asked) {
            Set<HoldWarning> flags = EnumSet.noneOf(HoldWarning.class);
            // an IPv6 /48 too: one subscriber may hold thousands of /64s
            if (shared(request, BookingOrigin::network, byNetwork) || shared(request, BookingOrigin::wideNetwork, byWideNetwork)) {
                flags.add(HoldWarning.SAME_NETWORK);
            }
            if (shared(request, BookingOrigin::device, byDevice)) {
                flags.add(HoldWarning.SAME_DEVICE);
            }
            AccountSummary patient = patients.get(request.patientId());
            if (patient != null && patient.createdAt().isAfter(request.requestedAt().minus(limits.newAccountAge()))) {
                flags.add(HoldWarning.NEW_ACCOUNT);
            }
            warnings.put(request.id(), flags);
        }
        return warnings;
    }

    /** The doctor's requests waiting for an answer now: upcoming, REQUESTED once time has settled them. */
    private List<Appointment> waitingRequests(AccountId doctor, Instant now) {
        List<Appointment> waiting = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int read = 0;
        while (read < MAX_COMPARED) {
            AppointmentStore.Page page = appointments.ofDoctor(doctor, now, now.plus(scheduling.horizon()), cursor, PAGE);
            page.appointments().stream().filter(a -> a.statusAt(now) == AppointmentStatus.REQUESTED).forEach(waiting::add);
            read += page.appointments().size();
            if (!page.hasMore() || page.cursors().isEmpty()) {
                break;
            }
            cursor = Optional.of(page.cursors().get(page.cursors().size() - 1));
        }
        return waiting;
    }

    private static Map<String, Long> count(List<Appointment> waiting, Function<BookingOrigin, Optional<String>> part) {
        return waiting.stream().flatMap(a -> a.origin().flatMap(part).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static boolean shared(Appointment request, Function<BookingOrigin, Optional<String>> part, Map<String, Long> counts) {
        return request.origin().flatMap(part).map(value -> counts.getOrDefault(value, 0L) > 1).orElse(false);
    }
}
