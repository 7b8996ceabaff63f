package br.com.healthmed.identity;

import java.time.Instant;

/**
 * What a successful login, registration or refresh hands the client: a short-lived access token,
 * a single-use refresh token, and the account.
 */
public record Session(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        Account account) {}
