package br.com.healthmed.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the token signing key from configuration, or generates one where that is allowed. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);

    @Bean
    SigningKey signingKey(TokenProperties properties) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            SigningKey key = SigningKey.fromPem(properties.privateKey());
            log.info("Signing access tokens with the configured ES256 key (kid={})", key.keyId());
            return key;
        }
        if (!properties.generateIfMissing()) {
            throw new IllegalStateException("No token signing key: set healthmed.security.jwt.private-key "
                    + "(env HEALTHMED_SECURITY_JWT_PRIVATE_KEY) to an EC P-256 private key in PKCS#8 PEM. "
                    + "Only local runs may set healthmed.security.jwt.generate-if-missing=true.");
        }
        SigningKey key = SigningKey.generate();
        log.warn("Generated an ephemeral ES256 signing key (kid={}): tokens issued now stop working when this "
                + "process stops. Configure healthmed.security.jwt.private-key for a stable key.", key.keyId());
        return key;
    }
}
