package br.com.healthmed.platform.security;

/**
 * An access token that proves nothing. {@link #expired()} lets clients know a refresh will help;
 * {@link #revoked()} that it will not: the session was ended, so they must log in again.
 */
public class InvalidAccessTokenException extends RuntimeException {

    private final boolean expired;
    private final boolean revoked;

    public InvalidAccessTokenException(String message, boolean expired) {
        this(message, expired, false);
    }

    private InvalidAccessTokenException(String message, boolean expired, boolean revoked) {
        super(message, null, false, false);
        this.expired = expired;
        this.revoked = revoked;
    }

    /** A well-formed, unexpired token of a session that has been revoked (logout, reuse, ...). */
    public static InvalidAccessTokenException sessionRevoked() {
        return new InvalidAccessTokenException("session revoked", false, true);
    }

    public boolean expired() {
        return expired;
    }

    public boolean revoked() {
        return revoked;
    }
}
