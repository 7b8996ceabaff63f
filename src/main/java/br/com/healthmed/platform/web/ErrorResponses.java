package br.com.healthmed.platform.web;

import br.com.healthmed.platform.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that writes an HTTP answer for a request that was not executed: a bad or expired token,
 * unreadable JSON, a wrong method or media type, an unacceptable {@code Accept}, a body too large, a
 * starting instance, an unknown path. Each is a pure GraphQL response, {@code {"errors":[{"message",
 * "extensions":{"code",...}}]}} and nothing else, in the media type the client accepted
 * ({@link GraphQlMediaTypes}), with the status the refusal names whatever the media type (GraphQL over
 * HTTP: a request that is not a well-formed GraphQL request gets its 4xx under {@code application/json}
 * too), and never stored by a cache. Messages are our own constants, never text from a request or an
 * exception.
 */
public final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to answer: status, coded error, and any headers and extensions that go with it. */
    public record Refusal(int status, ErrorCode code, String message, Map<String, Object> extensions, Map<String, String> headers) {
        public Refusal {
            extensions = Map.copyOf(extensions);
            headers = Map.copyOf(headers);
        }

        public Refusal(int status, ErrorCode code, String message) {
            this(status, code, message, Map.of(), Map.of());
        }

        public Refusal withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Refusal(status, code, message, extensions, more);
        }

        /** A retryable refusal: {@code extensions.retryAfterSeconds} and the {@code Retry-After} header. */
        public Refusal retryAfter(int seconds) {
            Map<String, Object> more = new LinkedHashMap<>(extensions);
            more.put("retryAfterSeconds", seconds);
            return new Refusal(status, code, message, more, headers).withHeader(HttpHeaders.RETRY_AFTER, Integer.toString(seconds));
        }

        /** The GraphQL response body: one error, its code first among its extensions. */
        public Map<String, Object> body() {
            Map<String, Object> allExtensions = new LinkedHashMap<>();
            allExtensions.put("code", code.name());
            allExtensions.putAll(extensions);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("extensions", allExtensions);
            return Map.of("errors", List.of(error));
        }
    }

    private ErrorResponses() {}

    public static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(refusal.status());
        refusal.headers().forEach(response::setHeader);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        MediaType type = GraphQlMediaTypes.forRefusal(request);
        response.setContentType(new MediaType(type, StandardCharsets.UTF_8).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = JSON.writeValueAsBytes(refusal.body());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
