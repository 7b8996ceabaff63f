package br.com.healthmed.identity;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id at OWASP's recommended minimum (19 MiB memory, 2 iterations,
 * parallelism 1). Hashes carry their algorithm id ({@code {argon2}...}), so the algorithm or its
 * parameters can be raised later: a login with an older hash rehashes it.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfig {

    static final String CURRENT = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, argon2id,
                "bcrypt", new BCryptPasswordEncoder(12)));
    }

    /**
     * {@code healthmed.passwords.max-concurrent} hashes at once (default: two per core); at most
     * {@code max-queued} requests (default: four per turn) wait for a turn, each at most
     * {@code max-wait}.
     */
    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder,
                                  @Value("${healthmed.passwords.max-concurrent:0}") int maxConcurrent,
                                  @Value("${healthmed.passwords.max-queued:0}") int maxQueued,
                                  @Value("${healthmed.passwords.max-wait:PT1S}") Duration maxWait) {
        int turns = maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        return new PasswordHasher(encoder, turns, maxQueued > 0 ? maxQueued : 4 * turns, maxWait);
    }
}
