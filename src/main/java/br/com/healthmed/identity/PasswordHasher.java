package br.com.healthmed.identity;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords. Two things on top of the {@link PasswordEncoder}:
 *
 * <ul>
 *   <li>Passwords are Unicode-normalised (NFKC) first, so "é" typed as one code point on a phone and
 *       as "e" + accent on a laptop is the same password.</li>
 *   <li>At most {@code maxConcurrent} hashes run at once. Each Argon2id hash takes ~19 MiB and tens of
 *       milliseconds of a core on purpose; without a bound, a burst of logins or registrations would
 *       exhaust memory and starve every other request. At most {@code maxQueued} requests wait for a
 *       turn, each at most {@code maxWait} (they hold web threads while they wait); any other gets
 *       {@code SERVICE_BUSY} at once.</li>
 * </ul>
 */
public class PasswordHasher {

    private final PasswordEncoder encoder;
    private final Semaphore turns;
    private final int maxQueued;
    private final Duration maxWait;

    public PasswordHasher(PasswordEncoder encoder, int maxConcurrent, int maxQueued, Duration maxWait) {
        this.encoder = encoder;
        this.turns = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    public String hash(String password) {
        return withTurn(() -> encoder.encode(normalised(password)));
    }

    public boolean matches(String password, String hash) {
        return withTurn(() -> encoder.matches(normalised(password), hash));
    }

    /** True when the hash was made with an older algorithm or weaker parameters than today's. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** The form a password is checked and hashed in; callers apply it before any rule on the password. */
    @Contract("null -> null; !null -> !null")
    public static @Nullable String normalised(@Nullable String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T withTurn(Supplier<T> work) {
        boolean acquired;
        try {
            // Refuse at once when the queue is already long: waiting threads are web threads.
            acquired = turns.tryAcquire() || (turns.getQueueLength() < maxQueued
                    && turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new DomainException(PlatformErrors.SERVICE_BUSY, "Too many password checks in progress; try again in a moment.",
                    Map.of("retryAfterSeconds", 1L));
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
