package br.com.healthmed.identity;

import java.time.Instant;

/** A login session ended before its expiry: clients on it should return to the login screen. */
public record SessionEnded(String sessionId, Reason reason, Instant at) {

    public enum Reason {
        /** {@code logout} was called with one of the session's refresh tokens. */
        LOGGED_OUT,
        /** A used refresh token was presented again: the session was revoked as possibly stolen. */
        REFRESH_TOKEN_REUSED,
        /** The session had already ended (or expired) when the subscription started. */
        ALREADY_ENDED
    }
}
