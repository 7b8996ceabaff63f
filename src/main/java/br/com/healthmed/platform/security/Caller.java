package br.com.healthmed.platform.security;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.time.Instant;
import java.util.Objects;

/**
 * The authenticated account behind a request, as proven by its access token.
 *
 * @param accountId the account's id (the token's {@code sub})
 * @param role      patient or doctor
 * @param sessionId the login session (refresh-token family) the token was issued under
 * @param expiresAt when the token stops proving anything; long-lived WebSocket connections are held to it
 */
public record Caller(String accountId, Role role, String sessionId, Instant expiresAt) {

    public Caller {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(role);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(expiresAt);
    }

    /** The caller of an operation that needs one; {@code UNAUTHENTICATED} when there is none. */
    public static Caller required(Caller caller) {
        if (caller == null) {
            throw new DomainException(PlatformErrors.UNAUTHENTICATED, "Log in first: this operation needs an access token.");
        }
        return caller;
    }
}
