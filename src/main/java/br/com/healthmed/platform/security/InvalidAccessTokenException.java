package br.com.healthmed.platform.security;

/** An access token that proves nothing. {@link #expired()} lets clients know a refresh will help. */
public class InvalidAccessTokenException extends RuntimeException {

    private final boolean expired;

    public InvalidAccessTokenException(String message, boolean expired) {
        super(message, null, false, false);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
