package br.com.healthmed.scheduling;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many new booking requests an account, a network and a device may make, across accounts: the
 * limits that keep one person with many accounts from taking a doctor's whole agenda (one account
 * may hold one request per doctor, {@link ActiveBookings}; these stop the next eleven accounts from the
 * same place). Counted in {@link RateCounters}, so shared by every replica with Redis.
 *
 * <p>A request is counted when it is about to claim its slot and given back if it does not get the
 * slot, so the counts are of requests made, not of attempts on taken slots. Unknown networks and
 * devices ({@link BookingOrigin#UNKNOWN}) are not counted: they would all share one count.
 */
@Component
class BookingLimits {

    /** Which limit refused, as {@code extensions.limit}. */
    enum Limit {
        PER_ACCOUNT, PER_NETWORK, PER_WIDE_NETWORK, PER_DEVICE,
        PER_NETWORK_PER_DOCTOR, PER_WIDE_NETWORK_PER_DOCTOR, PER_DEVICE_PER_DOCTOR
    }

    private final RateCounters counters;
    private final BookingLimitsProperties properties;
    private final Clock clock;

    BookingLimits(RateCounters counters, BookingLimitsProperties properties, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts one new request against every limit that applies, or refuses with {@code RATE_LIMITED}
     * counting none. Copies of one request (the same {@code request} id, e.g. retries racing each
     * other) count once.
     */
    Permit acquire(AppointmentId request, AccountId patient, AccountId doctor, BookingOrigin origin) {
        List<Counted> counted = new ArrayList<>();
        counted.add(new Counted(Limit.PER_ACCOUNT, CounterKeys.of("booking-account", patient.toString()),
                properties.perAccount(), properties.window()));
        origin.network().ifPresent(network -> {
            counted.add(new Counted(Limit.PER_NETWORK, CounterKeys.of("booking-network", network),
                    properties.perNetwork(), properties.window()));
            counted.add(new Counted(Limit.PER_NETWORK_PER_DOCTOR, CounterKeys.of("booking-network-doctor", network, doctor.toString()),
                    properties.perNetworkPerDoctor(), properties.perDoctorWindow()));
        });
        origin.wideNetwork().ifPresent(wide -> { // an IPv6 /48: many /64s held by one subscriber
            counted.add(new Counted(Limit.PER_WIDE_NETWORK, CounterKeys.of("booking-wide-network", wide),
                    properties.perWideNetwork(), properties.window()));
            counted.add(new Counted(Limit.PER_WIDE_NETWORK_PER_DOCTOR, CounterKeys.of("booking-wide-network-doctor", wide, doctor.toString()),
                    properties.perWideNetworkPerDoctor(), properties.perDoctorWindow()));
        });
        origin.device().ifPresent(device -> {
            counted.add(new Counted(Limit.PER_DEVICE, CounterKeys.of("booking-device", device),
                    properties.perDevice(), properties.window()));
            counted.add(new Counted(Limit.PER_DEVICE_PER_DOCTOR, CounterKeys.of("booking-device-doctor", device, doctor.toString()),
                    properties.perDevicePerDoctor(), properties.perDoctorWindow()));
        });
        Permit permit = new Permit(new ArrayList<>());
        for (Counted limit : counted) {
            RateCounters.Acquisition acquisition = counters.tryAcquire(limit.key(), limit.max(), limit.window(), request.toString());
            if (!acquisition.acquired()) {
                permit.giveBack();
                throw refused(limit.limit(), acquisition.fullUntil().orElseThrow());
            }
            permit.hits.add(acquisition.hit().orElseThrow());
        }
        return permit;
    }

    private DomainException refused(Limit limit, Instant fullUntil) {
        long seconds = Math.max(1, Duration.between(clock.instant(), fullUntil).toSeconds());
        String why = switch (limit) {
            case PER_ACCOUNT -> "This account has made too many booking requests recently.";
            case PER_NETWORK, PER_WIDE_NETWORK, PER_DEVICE -> "Too many booking requests have come from this network or device recently.";
            case PER_NETWORK_PER_DOCTOR, PER_WIDE_NETWORK_PER_DOCTOR, PER_DEVICE_PER_DOCTOR ->
                    "Too many requests for this doctor have come from this network or device recently.";
        };
        return new DomainException(PlatformErrors.RATE_LIMITED, why + " Try again in " + seconds + " seconds.",
                Map.of("limit", limit.name(), "retryAfterSeconds", seconds));
    }

    private record Counted(Limit limit, String key, int max, Duration window) {}

    /** The counts one request took; given back when it does not get its slot after all. */
    final class Permit {
        private final List<RateCounters.Hit> hits;

        private Permit(List<RateCounters.Hit> hits) {
            this.hits = hits;
        }

        void giveBack() {
            hits.forEach(counters::release);
            hits.clear();
        }
    }
}
