package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHasherTest {

    /** Records what it was given; blocks while {@code hold} is closed. */
    private static final class SlowEncoder implements PasswordEncoder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch hold = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            entered.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoded.equals("{plain}" + raw);
        }
    }

    @Test
    void whenEveryTurnIsTakenACallerGetsServiceBusyInsteadOfPilingUp() throws Exception {
        SlowEncoder encoder = new SlowEncoder();
        PasswordHasher hasher = new PasswordHasher(encoder, 1, 4, Duration.ofMillis(50));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hasher.hash("first password"));
        assertThat(encoder.entered.await(5, TimeUnit.SECONDS)).isTrue();

        DomainException busy = catchThrowableOfType(DomainException.class, () -> hasher.matches("second", "{plain}second"));

        assertThat(busy.code()).isEqualTo(PlatformErrors.SERVICE_BUSY);
        assertThat(busy.extensions()).containsKey("retryAfterSeconds");
        encoder.hold.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("{plain}first password");
        assertThat(hasher.matches("second", "{plain}second")).isTrue(); // the turn came back
    }

    @Test
    void composedAndDecomposedAccentsAreTheSamePassword() {
        SlowEncoder encoder = new SlowEncoder();
        encoder.hold.countDown();
        PasswordHasher hasher = new PasswordHasher(encoder, 2, 8, Duration.ofSeconds(1));
        String composed = "caf\u00e9 com p\u00e3o";          // é and ã as single code points
        String decomposed = "cafe\u0301 com pa\u0303o";      // e + combining acute, a + combining tilde

        assertThat(hasher.matches(decomposed, hasher.hash(composed))).isTrue();
    }
}
