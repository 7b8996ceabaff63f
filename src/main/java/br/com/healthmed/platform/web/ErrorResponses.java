package br.com.healthmed.platform.web;

import br.com.healthmed.platform.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Writes a GraphQL-shaped error body ({@code {"errors":[{"message", "extensions":{"code"}}]}}) from a
 * servlet filter, for refusals that happen before Spring MVC or GraphQL see the request. Messages are
 * our own constants, never text from a request or an exception.
 */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static void write(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
        write(response, status, code, message, "");
    }

    /** A retryable refusal: {@code extensions.retryAfterSeconds} and the {@code Retry-After} header. */
    public static void write(HttpServletResponse response, int status, ErrorCode code, String message, int retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        write(response, status, code, message, ",\"retryAfterSeconds\":" + retryAfterSeconds);
    }

    private static void write(HttpServletResponse response, int status, ErrorCode code, String message, String moreExtensions)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message.replace("\"", "'")
                + "\",\"extensions\":{\"code\":\"" + code.name() + "\"" + moreExtensions + "}}]}");
    }
}
