package br.com.healthmed.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.security.jwt.*}: how access and refresh tokens are made.
 *
 * @param privateKey         the ES256 (P-256) signing key as PKCS#8 PEM; in production from a secret
 * @param generateIfMissing  with no key configured, generate one at start-up (local runs only: tokens
 *                           then die with the process); otherwise start-up fails
 * @param issuer             the {@code iss} claim
 * @param audience           the {@code aud} claim, required on every token presented
 * @param accessTokenTtl     an access token's lifetime
 * @param refreshTokenTtl    a login session's absolute lifetime; rotation does not extend it
 * @param previousPublicKeys during a signing-key rotation, the public keys (one or more
 *                           {@code -----BEGIN PUBLIC KEY-----} PEM blocks) of the other key in play:
 *                           tokens they signed are still accepted, and they are published in the JWKS
 */
@ConfigurationProperties("healthmed.security.jwt")
public record TokenProperties(
        String privateKey,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("https://api.healthmed.com.br") String issuer,
        @DefaultValue("healthmed-api") String audience,
        @DefaultValue("PT15M") Duration accessTokenTtl,
        @DefaultValue("P30D") Duration refreshTokenTtl,
        String previousPublicKeys) {}
