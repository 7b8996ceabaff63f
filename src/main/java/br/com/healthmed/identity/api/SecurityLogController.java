package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.SecurityEvent;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.graphql.connection.Connection;
import br.com.healthmed.platform.graphql.connection.CursorCodec;
import br.com.healthmed.platform.graphql.connection.PageRequest;
import br.com.healthmed.platform.graphql.connection.Pagination;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.storage.TimePositions;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code mySecurityEvents}: the caller's own security log, newest first, as a cursor connection. Read
 * backwards ({@code last}/{@code before}) it gives the entries newer than a cursor: what happened since.
 */
@Controller
class SecurityLogController {

    /** A cursor holds the entry's position in the log ({@link TimePositions}). */
    private static final CursorCodec<String> CURSORS = CursorCodec.ofText("security-log", TimePositions::isPosition);

    private final SecurityLog securityLog;

    SecurityLogController(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    @QueryMapping
    Connection<SecurityEvent> mySecurityEvents(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                               @Argument @Nullable Integer last, @Argument @Nullable String before,
                                               @AuthenticationPrincipal Caller caller) {
        AccountId account = AccountId.of(Caller.required(caller).accountId());
        PageRequest<String> request = Pagination.of(CURSORS, first, after, last, before);
        SecurityEventStore.Page page = request.backward()
                ? securityLog.newerEvents(account, request.size(), request.from())
                : securityLog.events(account, request.size(), request.from());
        return Connection.of(request, CURSORS, page.items(), SecurityEvent::position, page.next().isPresent());
    }

    @SchemaMapping(typeName = "SecurityEvent", field = "clientNetwork")
    @Nullable String clientNetwork(SecurityEvent event) {
        return event.clientAddress().flatMap(ClientNetworks::masked).orElse(null);
    }
}
