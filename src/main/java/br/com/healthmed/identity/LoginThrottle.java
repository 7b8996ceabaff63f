package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing. Failed logins are counted per login identifier (whether or not an
 * account has it, so the lock-out says nothing about existence) and per client address, in a
 * sliding window; past the limit, that identifier or address is refused with
 * {@code TOO_MANY_ATTEMPTS} until the lock ends. A successful login clears its identifier's count.
 *
 * <p>Defaults ({@code healthmed.login-throttle.*}): 5 failures per identifier or 50 per address in 15
 * minutes lock for 15 minutes. Counts are kept per instance: with N replicas behind the load
 * balancer an attacker gets at most N times the budget, still far too few for guessing a password
 * that passes {@link PasswordPolicy}.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 200_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Refuses with {@code TOO_MANY_ATTEMPTS} if the identifier or the address is locked. */
    void checkAllowed(LoginClaim login, String address) {
        Instant now = clock.instant();
        Instant lockedUntil = later(lockEnd(loginKey(login), now), lockEnd(addressKey(address), now));
        if (lockedUntil != null) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed attempts; try again in " + seconds + " seconds.",
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    void recordFailure(LoginClaim login, String address) {
        Instant now = clock.instant();
        record(loginKey(login), limits.maxFailuresPerLogin(), now);
        record(addressKey(address), limits.maxFailuresPerAddress(), now);
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.isStale(now, limits));
        }
    }

    void recordSuccess(LoginClaim login) {
        failures.remove(loginKey(login));
    }

    private void record(String key, int max, Instant now) {
        failures.compute(key, (k, current) -> (current == null || current.isStale(now, limits) ? Failures.NONE : current)
                .plusOne(now, max, limits));
    }

    private Instant lockEnd(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil()) ? f.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String loginKey(LoginClaim login) {
        return "login:" + login;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** Failures since {@code windowStart}; a lock once they reach the maximum. */
    private record Failures(int count, Instant windowStart, Instant lockedUntil) {
        static final Failures NONE = new Failures(0, null, null);

        Failures plusOne(Instant now, int max, Limits limits) {
            Instant start = windowStart == null ? now : windowStart;
            int next = count + 1;
            return new Failures(next, start, next >= max ? now.plus(limits.lockDuration()) : lockedUntil);
        }

        boolean isStale(Instant now, Limits limits) {
            boolean windowOver = windowStart == null || !now.isBefore(windowStart.plus(limits.window()));
            boolean unlocked = lockedUntil == null || !now.isBefore(lockedUntil);
            return windowOver && unlocked;
        }
    }

    @ConfigurationProperties("healthmed.login-throttle")
    record Limits(
            @DefaultValue("5") int maxFailuresPerLogin,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration lockDuration) {}
}
