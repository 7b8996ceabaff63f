package br.com.healthmed.platform.web;

import br.com.healthmed.platform.security.RevocationsNotKnownException;
import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Spring for GraphQL closes a connection whose {@code connection_init} failed with {@code 4401
 * Unauthorized}, whatever failed. When it failed because this instance is starting and does not know
 * the revoked sessions yet, the token may be perfectly good: graphql-ws clients treat 4401 as final
 * (an app sends its user back to the login screen), so such a connection is closed with
 * {@code 1013 Try Again Later} and the error code in the reason, which they retry.
 */
final class TryAgainLaterClose extends WebSocketSessionDecorator {

    static final CloseStatus STARTING = new CloseStatus(1013,
            "SERVICE_BUSY: this instance is starting; retry after " + RevocationsNotKnownException.RETRY_AFTER_SECONDS + " s");
    private static final int UNAUTHORIZED = 4401;

    private TryAgainLaterClose(WebSocketSession session) {
        super(session);
    }

    /** The session as the GraphQL handler should see it while it handles a message. */
    static WebSocketSession around(WebSocketSession session) {
        return new TryAgainLaterClose(session);
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        boolean refusedWhileStarting = Boolean.TRUE.equals(getAttributes().get(RevocationsNotKnownException.REFUSED_SESSION_ATTRIBUTE));
        super.close(status.getCode() == UNAUTHORIZED && refusedWhileStarting ? STARTING : status);
    }
}
