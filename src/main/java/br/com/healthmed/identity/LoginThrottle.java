package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing and mass registration. Failed logins are counted per login identifier
 * (whether or not an account has it, so the lock-out says nothing about existence) and per client
 * address, in a sliding window; when either reaches its limit it is locked and refused with
 * {@code TOO_MANY_ATTEMPTS} until the lock ends, after which its count starts afresh. A successful
 * login clears its identifier's count.
 *
 * <p>A login is bracketed: {@link #attempt} before the password is checked, then {@link #failed} or
 * {@link #succeeded}. Attempts still being checked count against the limit too, so a burst of
 * parallel requests cannot all slip past it while the slow hash runs; only confirmed failures lock.
 *
 * <p>Registrations are counted per client address, successful or not: each one costs a password hash
 * and can probe whether an e-mail or CPF is registered.
 *
 * <p>IPv6 addresses are counted per /64 network, the block one subscriber usually holds, so rotating
 * addresses inside it gains nothing.
 *
 * <p>Defaults ({@code healthmed.login-throttle.*}): 5 failures per identifier or 50 per address within
 * 15 minutes lock for 15 minutes; 30 registrations per address within 15 minutes lock registration
 * from it for 15 minutes. Counts are kept per instance: with N replicas behind the load balancer an
 * attacker gets at most N times the budget, still far too few for guessing a password that passes
 * {@link PasswordPolicy}.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 200_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Refuses with {@code TOO_MANY_ATTEMPTS} if a login with this identifier from this address would be
     * refused now, without counting anything (a read-only view of {@link #attempt}'s decision).
     */
    void checkAllowed(LoginClaim login, String address) {
        Instant now = clock.instant();
        refuseIf(later(refusal(loginKey(login), limits.maxFailuresPerLogin(), now),
                refusal(addressKey(address), limits.maxFailuresPerAddress(), now)), now);
    }

    /**
     * Starts a login attempt: refuses it if the identifier or the address is locked or has its whole
     * budget in failures and attempts in flight; otherwise counts it in flight. Follow with
     * {@link #failed} or {@link #succeeded}.
     */
    void attempt(LoginClaim login, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        String loginKey = loginKey(login);
        Instant addressRefusal = begin(addressKey, limits.maxFailuresPerAddress(), now);
        if (addressRefusal != null) {
            // Report the later of the two refusals, so a client that waits that long is not refused again.
            refuseIf(later(addressRefusal, refusal(loginKey, limits.maxFailuresPerLogin(), now)), now);
        }
        Instant loginRefusal = begin(loginKey, limits.maxFailuresPerLogin(), now);
        if (loginRefusal != null) {
            end(addressKey, false, limits.maxFailuresPerAddress(), now);
            refuseIf(later(loginRefusal, refusal(addressKey, limits.maxFailuresPerAddress(), now)), now);
        }
        sweepIfCrowded(now);
    }

    /** The attempt begun with {@link #attempt} had a wrong password (or could not be checked). */
    void failed(LoginClaim login, String address) {
        Instant now = clock.instant();
        end(loginKey(login), true, limits.maxFailuresPerLogin(), now);
        end(addressKey(address), true, limits.maxFailuresPerAddress(), now);
    }

    /**
     * The attempt begun with {@link #attempt} ended without a verdict on the password (service busy,
     * storage unavailable): no guess was made, so nothing counts.
     */
    void abandoned(LoginClaim login, String address) {
        Instant now = clock.instant();
        end(loginKey(login), false, limits.maxFailuresPerLogin(), now);
        end(addressKey(address), false, limits.maxFailuresPerAddress(), now);
    }

    /** The attempt begun with {@link #attempt} had the right password: the identifier's failures are forgiven. */
    void succeeded(LoginClaim login, String address) {
        Instant now = clock.instant();
        counts.computeIfPresent(loginKey(login), (k, c) -> c.withoutFailures().endedInFlight());
        end(addressKey(address), false, limits.maxFailuresPerAddress(), now);
    }

    /** Counts a registration from this address; refuses with {@code TOO_MANY_ATTEMPTS} past the limit. */
    void registration(String address) {
        Instant now = clock.instant();
        String key = "registration:" + network(address);
        int max = limits.maxRegistrationsPerAddress();
        refuseIf(begin(key, max, now), now);
        end(key, true, max, now);
    }

    /** Counts an attempt in flight unless refused; returns when the refusal ends, or null. */
    private Instant begin(String key, int max, Instant now) {
        Instant[] refusedUntil = {null};
        counts.compute(key, (k, current) -> {
            Counts live = current == null ? Counts.NONE : current.at(now, limits.window());
            refusedUntil[0] = live.refusedUntil(max, now, limits.window());
            return refusedUntil[0] != null ? live : live.withAttemptInFlight();
        });
        return refusedUntil[0];
    }

    private void end(String key, boolean failure, int max, Instant now) {
        counts.computeIfPresent(key, (k, current) -> {
            Counts ended = current.at(now, limits.window()).endedInFlight();
            return failure ? ended.withFailure(now, max, limits.lockDuration()) : ended;
        });
    }

    private Instant refusal(String key, int max, Instant now) {
        Counts c = counts.get(key);
        return c == null ? null : c.at(now, limits.window()).refusedUntil(max, now, limits.window());
    }

    /**
     * Drops entries that no longer count once the map is large, at most once a minute: under an
     * attack spread over many identifiers, sweeping on every attempt would cost more than the attack.
     */
    private void sweepIfCrowded(Instant now) {
        Instant last = lastSweep.get();
        if (counts.size() > MAX_TRACKED && now.isAfter(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
            counts.values().removeIf(c -> c.at(now, limits.window()).isEmpty(now));
        }
    }

    private static void refuseIf(Instant refusedUntil, Instant now) {
        if (refusedUntil != null) {
            long seconds = Math.max(1, Duration.between(now, refusedUntil).toSeconds());
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many attempts; try again in " + seconds + " seconds.",
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
        return "address:" + network(address);
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // an IPv6 literal: no lookup
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    /** Failures inside the sliding window, attempts still in flight, and a lock if one holds. */
    private record Counts(List<Instant> failures, int inFlight, Instant lockedUntil) {
        static final Counts NONE = new Counts(List.of(), 0, null);

        /** As seen at {@code now}: failures that left the window forgotten. */
        Counts at(Instant now, Duration window) {
            Instant windowStart = now.minus(window);
            List<Instant> inWindow = failures.stream().filter(t -> t.isAfter(windowStart)).toList();
            return inWindow.size() == failures.size() ? this : new Counts(inWindow, inFlight, lockedUntil);
        }

        /** When a new attempt would be refused until, or null if it may go ahead. */
        Instant refusedUntil(int max, Instant now, Duration window) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return lockedUntil;
            }
            if (failures.size() + inFlight >= max) {
                // The rest of the budget is taken by attempts still being checked: they end within
                // a second or so, and may well succeed.
                return now.plusSeconds(1);
            }
            return null;
        }

        Counts withAttemptInFlight() {
            return new Counts(failures, inFlight + 1, lockedUntil);
        }

        Counts endedInFlight() {
            return new Counts(failures, Math.max(0, inFlight - 1), lockedUntil);
        }

        /** Reaching the limit locks; the count then starts afresh for when the lock ends. */
        Counts withFailure(Instant now, int max, Duration lockDuration) {
            List<Instant> more = new ArrayList<>(failures);
            more.add(now);
            return more.size() >= max
                    ? new Counts(List.of(), inFlight, now.plus(lockDuration))
                    : new Counts(List.copyOf(more), inFlight, lockedUntil);
        }

        Counts withoutFailures() {
            return new Counts(List.of(), inFlight, lockedUntil);
        }

        boolean isEmpty(Instant now) {
            return failures.isEmpty() && inFlight == 0 && (lockedUntil == null || !now.isBefore(lockedUntil));
        }
    }

    @ConfigurationProperties("healthmed.login-throttle")
    record Limits(
            @DefaultValue("5") int maxFailuresPerLogin,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration lockDuration,
            @DefaultValue("30") int maxRegistrationsPerAddress) {}
}
