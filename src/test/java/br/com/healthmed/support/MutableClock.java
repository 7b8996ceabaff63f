package br.com.healthmed.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock that stands still until a test moves it ({@link #set}), or that runs at real speed from
 * where a test put it ({@link #flowFrom}). A clock that stands still never reaches a retry the service
 * planned "one second from now", so tests that rely on the service retrying let it flow.
 */
public final class MutableClock extends Clock {

    /** Read by the service's threads (the event relay's among them) while a test thread moves it. */
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private volatile State state;
    private final ZoneId zone;

    private record State(Instant base, long flowingSinceNanos, boolean flowing) {
        Instant now() {
            return flowing ? base.plusNanos(System.nanoTime() - flowingSinceNanos) : base;
        }
    }

    public MutableClock(Instant start) {
        this(new State(start, 0, false), ZoneOffset.UTC);
    }

    private MutableClock(State state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    public synchronized void advance(Duration duration) {
        State current = state;
        state = new State(current.base().plus(duration), current.flowingSinceNanos(), current.flowing());
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        state = new State(instant, 0, false);
    }

    /** Puts the clock at {@code instant} and lets it run on from there in real time. */
    public void flowFrom(Instant instant) {
        state = new State(instant, System.nanoTime(), true);
    }

    /**
     * {@code hour}:00 in São Paulo, {@code days} days after the clock's today there: where the API
     * tests put their consultations, in the zone of their doctors.
     */
    public Instant inDays(int days, int hourInSaoPaulo) {
        return LocalDate.now(withZone(SAO_PAULO)).plusDays(days).atTime(hourInSaoPaulo, 0).atZone(SAO_PAULO).toInstant();
    }

    @Override
    public Instant instant() {
        return state.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(new State(instant(), 0, false), zone);
    }
}
