package br.com.healthmed.platform.security;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.web.ErrorResponses;
import br.com.healthmed.platform.web.ErrorResponses.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates HTTP requests by their {@code Authorization: Bearer} header, and nothing else: a
 * token in the URL is never read. A request without a token goes on anonymously (public operations
 * work; protected ones answer {@code UNAUTHENTICATED}). A request with a bad token is refused with
 * 401 and a GraphQL-shaped error body, so a client learns to refresh or log in again rather than
 * silently getting anonymous answers: {@code TOKEN_EXPIRED} (refresh), {@code SESSION_REVOKED} (the
 * session was ended: log in again) or {@code UNAUTHENTICATED}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    static final String SESSION_REVOKED_MESSAGE = "This session has ended (logged out, or ended for security); log in again.";

    private final AccessTokenVerifier verifier;

    BearerTokenFilter(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Caller caller = verifier.verify(header.substring(PREFIX.length()).trim());
            SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
        } catch (InvalidAccessTokenException invalid) {
            refuse(request, response, invalid);
            return;
        } catch (RevocationsNotKnownException starting) {
            ErrorResponses.write(request, response, new Refusal(HttpServletResponse.SC_SERVICE_UNAVAILABLE, PlatformErrors.SERVICE_BUSY,
                    "This instance is starting; retry after extensions.retryAfterSeconds.")
                    .retryAfter(RevocationsNotKnownException.RETRY_AFTER_SECONDS));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * 401 in the media type the client accepted, so a client that reads graphql-response+json bodies
     * whatever the status (Apollo Client 4, urql) sees the code; RFC 6750's {@code invalid_token}.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, InvalidAccessTokenException invalid)
            throws IOException {
        ErrorCode code = invalid.revoked() ? PlatformErrors.SESSION_REVOKED
                : invalid.expired() ? PlatformErrors.TOKEN_EXPIRED : PlatformErrors.UNAUTHENTICATED;
        String message = invalid.revoked() ? SESSION_REVOKED_MESSAGE
                : invalid.expired() ? "Access token expired; refresh the session." : "Access token is not valid.";
        ErrorResponses.write(request, response, new Refusal(HttpServletResponse.SC_UNAUTHORIZED, code, message)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }
}
