package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.storage.TimePositions;
import br.com.healthmed.identity.SecurityEvent;
import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityLog;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code mySecurityEvents}: the caller's own security log, newest first, as a cursor connection. */
@Controller
class SecurityLogController {

    static final int MAX_FIRST = 100;

    private final SecurityLog securityLog;

    SecurityLogController(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    record Edge(String cursor, SecurityEvent node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {}

    record SecurityEventConnection(List<Edge> edges, PageInfo pageInfo) {}

    @QueryMapping
    SecurityEventConnection mySecurityEvents(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                             @AuthenticationPrincipal Caller caller) {
        AccountId account = AccountId.of(Caller.required(caller).accountId());
        SecurityEventStore.Page page = securityLog.events(account, first(first), position(after));
        List<Edge> edges = page.items().stream().map(event -> new Edge(cursor(event.position()), event)).toList();
        return new SecurityEventConnection(edges, new PageInfo(page.next().isPresent(), false,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @SchemaMapping(typeName = "SecurityEvent", field = "clientNetwork")
    @Nullable String clientNetwork(SecurityEvent event) {
        return event.clientAddress().flatMap(ClientNetworks::masked).orElse(null);
    }

    private static int first(@Nullable Integer first) {
        int n = first == null ? 20 : first;
        if (n < 1 || n > MAX_FIRST) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "first", "first must be between 1 and " + MAX_FIRST + ".");
        }
        return n;
    }

    private static Optional<String> position(@Nullable String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (TimePositions.isPosition(position)) {
                return Optional.of(position);
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, "after", "Not a cursor from this list.");
    }

    private static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
