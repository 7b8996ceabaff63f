package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing. Failed logins are counted per login identifier (whether or not an
 * account has it, so the lock-out says nothing about existence) and per client address, in a
 * sliding window; when either reaches its limit it is locked and refused with
 * {@code TOO_MANY_ATTEMPTS} until the lock ends, after which its count starts afresh. A successful
 * login clears its identifier's count.
 *
 * <p>{@link #attempt} counts an attempt as failed <em>before</em> the password is checked, in one
 * atomic step with the lock check, so a burst of parallel requests cannot all slip past the check
 * while the slow hash runs; {@link #succeeded} takes the count back when the password was right.
 *
 * <p>Defaults ({@code healthmed.login-throttle.*}): 5 failures per identifier or 50 per address within
 * 15 minutes lock for 15 minutes. Counts are kept per instance: with N replicas behind the load
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
        refuseIfLocked(later(lockEnd(loginKey(login), now), lockEnd(addressKey(address), now)), now);
    }

    /**
     * Checks the locks and counts this attempt as a failure, atomically per key; call
     * {@link #succeeded} if the password turns out right.
     */
    void attempt(LoginClaim login, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        refuseIfLocked(recordUnlessLocked(addressKey, limits.maxFailuresPerAddress(), now), now);
        Instant loginLock = recordUnlessLocked(loginKey(login), limits.maxFailuresPerLogin(), now);
        if (loginLock != null) {
            forgetOne(addressKey);
            refuseIfLocked(loginLock, now);
        }
    }

    /** The attempt begun with {@link #attempt} had the right password. */
    void succeeded(LoginClaim login, String address) {
        recordSuccess(login);
        forgetOne(addressKey(address));
    }

    void recordFailure(LoginClaim login, String address) {
        Instant now = clock.instant();
        recordUnlessLocked(loginKey(login), limits.maxFailuresPerLogin(), now);
        recordUnlessLocked(addressKey(address), limits.maxFailuresPerAddress(), now);
    }

    void recordSuccess(LoginClaim login) {
        failures.remove(loginKey(login));
    }

    /** Counts a failure unless the key is locked; returns the end of the lock that refused it, or null. */
    private Instant recordUnlessLocked(String key, int max, Instant now) {
        Instant[] refusedUntil = {null};
        failures.compute(key, (k, current) -> {
            Failures live = current == null ? Failures.NONE : current.at(now, limits.window());
            if (live.isLocked(now)) {
                refusedUntil[0] = live.lockedUntil();
                return live;
            }
            return live.plus(now, max, limits.lockDuration());
        });
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.at(now, limits.window()).isEmpty(now));
        }
        return refusedUntil[0];
    }

    private void forgetOne(String key) {
        failures.computeIfPresent(key, (k, current) -> current.minusLatest());
    }

    private Instant lockEnd(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.isLocked(now) ? f.lockedUntil() : null;
    }

    private static void refuseIfLocked(Instant lockedUntil, Instant now) {
        if (lockedUntil != null) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed attempts; try again in " + seconds + " seconds.",
                    Map.of("retryAfterSeconds", seconds));
        }
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

    /** The failures inside the sliding window (at most the limit's worth), and a lock if one holds. */
    private record Failures(List<Instant> recent, Instant lockedUntil) {
        static final Failures NONE = new Failures(List.of(), null);

        /** This state as seen at {@code now}: failures that left the window forgotten. */
        Failures at(Instant now, Duration window) {
            Instant windowStart = now.minus(window);
            List<Instant> inWindow = recent.stream().filter(t -> t.isAfter(windowStart)).toList();
            return inWindow.size() == recent.size() ? this : new Failures(inWindow, lockedUntil);
        }

        Failures plus(Instant now, int max, Duration lockDuration) {
            List<Instant> more = new ArrayList<>(recent);
            more.add(now);
            // Reaching the limit locks; the count then starts afresh for when the lock ends.
            return more.size() >= max ? new Failures(List.of(), now.plus(lockDuration)) : new Failures(List.copyOf(more), lockedUntil);
        }

        Failures minusLatest() {
            return recent.isEmpty() ? this : new Failures(List.copyOf(recent.subList(0, recent.size() - 1)), lockedUntil);
        }

        boolean isLocked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean isEmpty(Instant now) {
            return recent.isEmpty() && !isLocked(now);
        }
    }

    @ConfigurationProperties("healthmed.login-throttle")
    record Limits(
            @DefaultValue("5") int maxFailuresPerLogin,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration lockDuration) {}
}
