package br.com.healthmed.identity;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A login session ended before its expiry: clients on it should return to the login screen. */
public record SessionEnded(String sessionId, Reason reason, Instant at) {

    /** The event-bus topic every instance hears ended sessions on. */
    static final String TOPIC = "identity.session-ended";

    @NamedInterface("api")
    public enum Reason {
        /** {@code logout} was called with one of the session's refresh tokens. */
        LOGGED_OUT,
        /** A used refresh token was presented again: the session was revoked as possibly stolen. */
        REFRESH_TOKEN_REUSED,
        /** The account's password was changed: every session of it ends ({@link SessionService#revokeAll}). */
        PASSWORD_CHANGED,
        /** The account was deactivated: every session of it ends ({@link SessionService#revokeAll}). */
        ACCOUNT_DEACTIVATED,
        /** The session had already ended (or expired) when the subscription started. */
        ALREADY_ENDED
    }
}
