package br.com.healthmed.platform.security;

import reactor.core.publisher.Mono;

/**
 * Login sessions ended before their access tokens expire (logout, refresh-token reuse, password
 * change, deactivation). Implemented by the identity module; the security chain asks it about every
 * request and WebSocket operation, so an ended session's tokens stop working at once on every
 * instance, not when they expire.
 */
public interface SessionRevocations {

    /**
     * Whether the session has been revoked (answered from memory: cheap enough for every request).
     *
     * @throws RevocationsNotKnownException while this instance has not read the revocations yet
     */
    boolean isRevoked(String sessionId);

    /** Emits the session id once the session is revoked (at once if it already is); never otherwise. */
    Mono<String> revocationOf(String sessionId);
}
