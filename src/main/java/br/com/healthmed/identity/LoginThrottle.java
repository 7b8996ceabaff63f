package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.Networks;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>IPv6 addresses are counted per /64 network ({@link Networks}).
 *
 * <p>Defaults ({@code healthmed.login-throttle.*}): 5 failures per identifier or 50 per address within
 * 15 minutes lock for 15 minutes; 30 registrations per address within 15 minutes lock registration
 * from it for 15 minutes. The counts live in {@link RateCounters}: in Redis with
 * {@code healthmed.events=redis}, so every replica draws on one budget (if Redis cannot be reached,
 * each instance counts on its own meanwhile; logins stay possible).
 *
 * <p>Per subject (an identifier, an address, an address's registrations) three counters: the
 * <em>attempts</em> (each hit an attempt in flight or a failed one: the budget), the confirmed
 * <em>failures</em> (what locks), and the <em>lock</em> (one hit that lasts the lock duration).
 */
@Component
class LoginThrottle {

    private final Limits limits;
    private final RateCounters counters;
    private final Clock clock;
    /** This instance's attempts in flight, per attempts key: ended by the same instance that began them. */
    private final Map<String, Deque<RateCounters.Hit>> inFlight = new ConcurrentHashMap<>();

    LoginThrottle(Limits limits, RateCounters counters, Clock clock) {
        this.limits = limits;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Refuses with {@code TOO_MANY_ATTEMPTS} if a login with this identifier from this address would be
     * refused now, without counting anything (a read-only view of {@link #attempt}'s decision).
     */
    void checkAllowed(LoginClaim login, String address) {
        Instant now = clock.instant();
        refuseIf(later(refusal(loginSubject(login), limits.maxFailuresPerLogin(), now),
                refusal(addressSubject(address), limits.maxFailuresPerAddress(), now)), now);
    }

    /**
     * Starts a login attempt: refuses it if the identifier or the address is locked or has its whole
     * budget in failures and attempts in flight; otherwise counts it in flight. Follow with
     * {@link #failed} or {@link #succeeded}.
     */
    void attempt(LoginClaim login, String address) {
        attempt(loginSubject(login), addressSubject(address));
    }

    /**
     * The same bracket for another check of a secret ({@link Check}): its own counters per
     * identifier and per address, with the login limits, so that (say) password-reset requests
     * never lock anyone's login. Follow with {@link #failed(Check, String, String)} or
     * {@link #succeeded(Check, String, String)} (or {@link #abandoned(Check, String, String)}).
     */
    void attempt(Check check, String identifier, String address) {
        attempt(check.identifier(identifier), check.address(address));
    }

    void failed(Check check, String identifier, String address) {
        failed(check.identifier(identifier), check.address(address));
    }

    void abandoned(Check check, String identifier, String address) {
        abandoned(check.identifier(identifier), check.address(address));
    }

    void succeeded(Check check, String identifier, String address) {
        succeeded(check.identifier(identifier), check.address(address));
    }

    private void attempt(String loginSubject, String addressSubject) {
        Instant now = clock.instant();
        Optional<Instant> addressRefusal = begin(addressSubject, limits.maxFailuresPerAddress(), now);
        if (addressRefusal.isPresent()) {
            // Report the later of the two refusals, so a client that waits that long is not refused again.
            refuseIf(later(addressRefusal, refusal(loginSubject, limits.maxFailuresPerLogin(), now)), now);
        }
        Optional<Instant> loginRefusal = begin(loginSubject, limits.maxFailuresPerLogin(), now);
        if (loginRefusal.isPresent()) {
            end(addressSubject, false, limits.maxFailuresPerAddress());
            refuseIf(later(loginRefusal, refusal(addressSubject, limits.maxFailuresPerAddress(), now)), now);
        }
    }

    /** The attempt begun with {@link #attempt} had a wrong password (or could not be checked). */
    void failed(LoginClaim login, String address) {
        failed(loginSubject(login), addressSubject(address));
    }

    private void failed(String loginSubject, String addressSubject) {
        end(loginSubject, true, limits.maxFailuresPerLogin());
        end(addressSubject, true, limits.maxFailuresPerAddress());
    }

    /**
     * The attempt begun with {@link #attempt} ended without a verdict on the password (service busy,
     * storage unavailable): no guess was made, so nothing counts.
     */
    void abandoned(LoginClaim login, String address) {
        abandoned(loginSubject(login), addressSubject(address));
    }

    private void abandoned(String loginSubject, String addressSubject) {
        end(loginSubject, false, limits.maxFailuresPerLogin());
        end(addressSubject, false, limits.maxFailuresPerAddress());
    }

    /** The attempt begun with {@link #attempt} had the right password: the identifier's failures are forgiven. */
    void succeeded(LoginClaim login, String address) {
        succeeded(loginSubject(login), addressSubject(address));
    }

    private void succeeded(String loginSubject, String addressSubject) {
        takeInFlight(attempts(loginSubject));
        counters.reset(attempts(loginSubject));
        counters.reset(failures(loginSubject));
        end(addressSubject, false, limits.maxFailuresPerAddress());
    }

    /** Counts a registration from this address; refuses with {@code TOO_MANY_ATTEMPTS} past the limit. */
    void registration(String address) {
        Instant now = clock.instant();
        String subject = "registration:" + Networks.of(address);
        int max = limits.maxRegistrationsPerAddress();
        refuseIf(begin(subject, max, now), now);
        end(subject, true, max);
    }

    /** Counts an attempt in flight unless refused; returns when the refusal ends. */
    private Optional<Instant> begin(String subject, int max, Instant now) {
        Optional<Instant> locked = lockedUntil(subject, now);
        if (locked.isPresent()) {
            return locked;
        }
        RateCounters.Acquisition acquisition = counters.tryAcquire(attempts(subject), max, limits.window());
        if (!acquisition.acquired()) {
            return Optional.of(budgetInFlight(now));
        }
        RateCounters.Hit hit = acquisition.hit().orElseThrow();
        inFlight.compute(attempts(subject), (k, hits) -> {
            Deque<RateCounters.Hit> more = hits == null ? new ArrayDeque<>() : hits;
            more.push(hit);
            return more;
        });
        return Optional.empty();
    }

    /**
     * Ends an attempt in flight. A failure keeps its hit in the attempts (it spent budget) and counts
     * as a confirmed failure; reaching the limit locks, and the count starts afresh for when the lock ends.
     */
    private void end(String subject, boolean failure, int max) {
        Optional<RateCounters.Hit> hit = takeInFlight(attempts(subject));
        if (!failure) {
            hit.ifPresent(counters::release);
            return;
        }
        if (counters.hit(failures(subject), limits.window()) >= max) {
            counters.reset(lock(subject));
            counters.hit(lock(subject), limits.lockDuration());
            counters.reset(attempts(subject));
            counters.reset(failures(subject));
        }
    }

    private Optional<RateCounters.Hit> takeInFlight(String attemptsKey) {
        RateCounters.Hit[] taken = {null};
        inFlight.computeIfPresent(attemptsKey, (k, hits) -> {
            taken[0] = hits.poll();
            return hits.isEmpty() ? null : hits;
        });
        return Optional.ofNullable(taken[0]);
    }

    private Optional<Instant> refusal(String subject, int max, Instant now) {
        Optional<Instant> locked = lockedUntil(subject, now);
        if (locked.isPresent()) {
            return locked;
        }
        return counters.usage(attempts(subject), limits.window()).hits() >= max ? Optional.of(budgetInFlight(now)) : Optional.empty();
    }

    private Optional<Instant> lockedUntil(String subject, Instant now) {
        return counters.usage(lock(subject), limits.lockDuration()).oldestLeavesAt().filter(now::isBefore);
    }

    /**
     * The rest of the budget is taken by attempts still being checked (a full budget of failures would
     * have locked): they end within a second or so, and may well succeed.
     */
    private static Instant budgetInFlight(Instant now) {
        return now.plusSeconds(1);
    }

    /** Refuses with {@code TOO_MANY_ATTEMPTS} and the seconds to wait, if {@code refusedUntil} is given. */
    static void refuseIf(Optional<Instant> refusedUntil, Instant now) {
        if (refusedUntil.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, refusedUntil.get()).toSeconds());
            throw new DomainException(IdentityErrors.TOO_MANY_ATTEMPTS,
                    "Too many attempts; try again in " + seconds + " seconds.",
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }

    private static String loginSubject(LoginClaim login) {
        return "login:" + login.kind() + ":" + login.value();
    }

    private static String addressSubject(String address) {
        return "address:" + Networks.of(address);
    }

    private static String attempts(String subject) {
        return CounterKeys.of("login-attempts", subject);
    }

    private static String failures(String subject) {
        return CounterKeys.of("login-failures", subject);
    }

    private static String lock(String subject) {
        return CounterKeys.of("login-lock", subject);
    }

    /**
     * The checks of a secret other than a password login, each with counters of its own. An
     * identifier is what the guesser aims at (an account, a login identifier, a ticket).
     */
    enum Check {
        /** Re-entering the password of a logged-in account (change password, disable 2FA), per account. */
        REAUTHENTICATION("reauth"),
        /** Asking for a password-reset e-mail, per login identifier: every request counts, so nobody is flooded. */
        PASSWORD_RESET_REQUEST("reset-request"),
        /**
         * Asking, without a session, for a new e-mail verification code, per address typed: every request
         * counts, whether or not an account has the address, so nobody is flooded and the limit says nothing.
         */
        VERIFICATION_CODE_REQUEST("verification-request"),
        /** Presenting a password-reset token: wrong tokens count per address. */
        PASSWORD_RESET("reset"),
        /** A TOTP or recovery code, per account. */
        SECOND_FACTOR("second-factor");

        private final String prefix;

        Check(String prefix) {
            this.prefix = prefix;
        }

        String identifier(String identifier) {
            return prefix + ":" + identifier;
        }

        String address(String address) {
            return prefix + "-address:" + Networks.of(address);
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
