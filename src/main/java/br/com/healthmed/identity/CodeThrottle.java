package br.com.healthmed.identity;

import br.com.healthmed.platform.ratelimit.CounterKeys;
import br.com.healthmed.platform.ratelimit.Networks;
import br.com.healthmed.platform.ratelimit.RateCounters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Limits on e-mail codes, counted in {@link RateCounters} (shared by every instance with Redis).
 *
 * <p>Code checks, each taking budget before it runs (so parallel guesses cannot slip past the limit; a
 * right code gives it back), from three counters: per subject <em>and network</em> (a small limit,
 * {@code max-checks-per-account}), per subject from every network together (a larger cap,
 * {@code max-checks-per-account-across-networks}), and per network for every subject
 * ({@code max-checks-per-address}). The subject of a verification code is the patient's address, one key
 * for both ways of sending it ({@code verifyEmail} with a session, {@code verifyEmailAndLogin} without, which
 * counts the address typed whether or not an account has it); an e-mail change's is the account. So
 * a stranger's wrong codes, which cost the owner nothing from the owner's own network, lock the
 * owner out only once the stranger has spent the cap from many networks, and the cap still bounds
 * guessing (at most 100 guesses in 10^8 per window).
 *
 * <p>Codes sent, per account (each one is an e-mail to an address the caller may not own). Refusals are
 * {@code TOO_MANY_ATTEMPTS} with {@code retryAfterSeconds}, as for logins.
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

    /** Budget for one check of the code that confirms an e-mail change of {@code account}. */
    Check check(AccountId account, String address) {
        return check(CounterKeys.of("email-code-checks", account.toString()), address);
    }

    /**
     * Budget for one check of a code that verifies the address {@code email}, with a session or without
     * (then the address typed, whether or not an account has it, so the limit answers alike for every address).
     */
    Check checkVerification(Email email, String address) {
        return check(CounterKeys.of("email-verification-checks", email.value()), address);
    }

    private Check check(String subjectKey, String address) {
        String network = Networks.of(address);
        List<Budget> budgets = List.of(
                new Budget(CounterKeys.of("email-code-checks-by", subjectKey, network), limits.maxChecksPerAccount()),
                new Budget(subjectKey, limits.maxChecksPerAccountAcrossNetworks()),
                new Budget(CounterKeys.of("email-code-checks-from", network), limits.maxChecksPerAddress()));
        List<RateCounters.Hit> taken = new ArrayList<>();
        for (Budget budget : budgets) {
            RateCounters.Acquisition acquired = counters.tryAcquire(budget.key(), budget.max(), limits.checkWindow());
            if (!acquired.acquired()) {
                taken.forEach(counters::release);
                LoginThrottle.refuseIf(acquired.fullUntil(), clock.instant());
            }
            taken.add(acquired.hit().orElseThrow());
        }
        return new Check(List.copyOf(taken));
    }

    private record Budget(String key, int max) {}

    /** The code checked was the account's own (whether or not it still works): no guess, no cost. */
    void rightCode(Check check) {
        check.hits().forEach(counters::release);
    }

    /** The check could not be judged (the service busy, storage down): no guess was made, nothing counts. */
    void abandoned(Check check) {
        check.hits().forEach(counters::release);
    }

    /** Counts one code e-mailed for the account; refuses past the limit. */
    void send(AccountId account) {
        RateCounters.Acquisition sent = counters.tryAcquire(CounterKeys.of("email-code-sends", account.toString()),
                limits.maxSendsPerAccount(), limits.sendWindow());
        LoginThrottle.refuseIf(sent.fullUntil(), clock.instant());
    }
}
