package br.com.healthmed.identity;

import br.com.healthmed.platform.security.SessionRevocations;
import reactor.core.publisher.Mono;

/** For tests of token verification alone: no session is ever revoked. */
enum NothingRevoked implements SessionRevocations {
    INSTANCE;

    @Override
    public boolean isRevoked(String sessionId) {
        return false;
    }

    @Override
    public Mono<String> revocationOf(String sessionId) {
        return Mono.never();
    }
}
