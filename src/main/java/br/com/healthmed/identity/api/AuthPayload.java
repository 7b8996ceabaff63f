package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.Session;
import java.time.Instant;

/** The GraphQL {@code AuthPayload}. */
record AuthPayload(
        String accessToken,
        String tokenType,
        Instant expiresAt,
        String refreshToken,
        Instant refreshExpiresAt,
        AccountSummary account) {

    static AuthPayload of(Session session) {
        return new AuthPayload(session.accessToken(), "Bearer", session.accessTokenExpiresAt(),
                session.refreshToken(), session.refreshTokenExpiresAt(), session.account().summary());
    }
}
