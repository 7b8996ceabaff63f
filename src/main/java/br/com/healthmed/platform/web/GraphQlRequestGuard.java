package br.com.healthmed.platform.web;

import br.com.healthmed.platform.error.PlatformErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring for GraphQL answers a request it cannot route (a POST that is not JSON, a GET that is not a
 * WebSocket upgrade) with an empty 415 or 405. This turns those into error responses, so they get
 * the same GraphQL-shaped body with {@code MALFORMED_REQUEST} as every other failure. It also refuses
 * Server-Sent Events: subscriptions are served over WebSocket only, where they are authenticated at
 * {@code connection_init} and held to the token's expiry.
 */
@Component
class GraphQlRequestGuard extends OncePerRequestFilter {

    private static final String PATH = "/graphql";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.POST.matches(request.getMethod()) && !isJson(request.getContentType())) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (HttpMethod.POST.matches(request.getMethod()) && wantsEventStream(request.getHeader(HttpHeaders.ACCEPT))) {
            // Written here: the error page cannot answer a client that accepts only text/event-stream.
            ErrorResponses.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE, PlatformErrors.MALFORMED_REQUEST,
                    "Subscriptions are served over WebSocket (graphql-ws at /graphql), not Server-Sent Events.");
            return;
        }
        boolean webSocketUpgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        if (HttpMethod.GET.matches(request.getMethod()) && !webSocketUpgrade) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Mirrors Spring's routing: a request goes to the JSON handler when any accepted type is compatible
     * with JSON or graphql-response+json, and to the SSE handler otherwise when one is compatible with
     * text/event-stream. Only the latter is refused.
     */
    private static boolean wantsEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept);
            boolean json = accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE));
            return !json && accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "graphql+json".equals(type.getSubtype());
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
