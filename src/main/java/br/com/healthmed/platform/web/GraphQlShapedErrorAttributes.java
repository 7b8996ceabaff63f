package br.com.healthmed.platform.web;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Requests that fail before GraphQL sees them (unreadable JSON, wrong media type, unknown path) get
 * Spring Boot's error body. This adds to it an {@code errors} list shaped like a GraphQL response,
 * with a code, so a client handles every failure the same way. No message from the exception is
 * copied: it could describe internals.
 */
@Component
class GraphQlShapedErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        ErrorCode code = codeFor(status);
        attributes.put("errors", List.of(Map.of(
                "message", messageFor(status),
                "extensions", Map.of("code", code.name()))));
        return attributes;
    }

    private static ErrorCode codeFor(int status) {
        if (status == 401) {
            return PlatformErrors.UNAUTHENTICATED;
        }
        if (status == 404) {
            return PlatformErrors.NOT_FOUND;
        }
        return status >= 500 ? PlatformErrors.INTERNAL_ERROR : PlatformErrors.MALFORMED_REQUEST;
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 401 -> "Authentication required.";
            case 404 -> "No such resource.";
            case 405 -> "Use POST for GraphQL requests (GET for the JWKS and GraphiQL).";
            case 415 -> "Send GraphQL requests as application/json.";
            default -> status >= 500 ? "Internal error." : "The request could not be read as a GraphQL request.";
        };
    }
}
