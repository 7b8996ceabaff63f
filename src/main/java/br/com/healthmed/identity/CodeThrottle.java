package br.com.healthmed.identity;

import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.Networks;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Limits on e-mail codes, counted in {@link RateCounters} (shared by every instance with Redis): code
 * checks per account (or, without a session, per e-mail address typed) and per network (every check takes budget before it runs, so parallel guesses
 * cannot slip past the limit; a right code gives its budget back), and codes sent per account (each
 * one is an e-mail to an address the caller may not own). Refusals are {@code TOO_MANY_ATTEMPTS} with
 * {@code retryAfterSeconds}, as for logins.
 */
@Component
class CodeThrottle {

    private final EmailCodeProperties limits;
    private final RateCounters counters;
    private final Clock clock;

    CodeThrottle(EmailCodeProperties limits, RateCounters counters, Clock clock) {
        this.limits = limits;
        this.counters = counters;
        this.clock = clock;
    }

    /** Budget for one code check, taken; give it back with {@link #rightCode} when the code was right. */
    record Check(List<RateCounters.Hit> hits) {}

    Check check(AccountId account, String address) {
        return check(CounterKeys.of("email-code-checks", account.toString()), address);
    }

    /**
     * Budget for one check of a code typed with an e-mail address and no session: counted per address
     * typed, whether or not an account has it, so the limit answers alike for every address.
     */
    Check check(Email typed, String address) {
        return check(CounterKeys.of("email-code-checks-for", typed.value()), address);
    }

    private Check check(String subjectKey, String address) {
        RateCounters.Acquisition byAccount = counters.tryAcquire(subjectKey, limits.maxChecksPerAccount(), limits.checkWindow());
        LoginThrottle.refuseIf(byAccount.fullUntil(), clock.instant());
        RateCounters.Acquisition byAddress = counters.tryAcquire(CounterKeys.of("email-code-checks-from", Networks.of(address)),
                limits.maxChecksPerAddress(), limits.checkWindow());
        if (!byAddress.acquired()) {
            byAccount.hit().ifPresent(counters::release);
            LoginThrottle.refuseIf(byAddress.fullUntil(), clock.instant());
        }
        return new Check(List.of(byAccount.hit().orElseThrow(), byAddress.hit().orElseThrow()));
    }

    /** The code checked was the account's own (whether or not it still works): no guess, no cost. */
    void rightCode(Check check) {
        check.hits().forEach(counters::release);
    }

    /** Counts one code e-mailed for the account; refuses past the limit. */
    void send(AccountId account) {
        RateCounters.Acquisition sent = counters.tryAcquire(CounterKeys.of("email-code-sends", account.toString()),
                limits.maxSendsPerAccount(), limits.sendWindow());
        LoginThrottle.refuseIf(sent.fullUntil(), clock.instant());
    }
}
