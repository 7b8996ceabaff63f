package br.com.healthmed.platform.web;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.web.ErrorResponses.Refusal;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's error page, replaced: a request that failed before GraphQL saw it (an exception in a
 * filter, an unknown path, a status set by {@code sendError}) is answered through {@link ErrorResponses}
 * as a pure GraphQL response, never Boot's {@code timestamp/status/error/path} body nor the whitelabel
 * HTML page. Asked for directly, {@code /error} is an unknown path like any other: 404.
 */
@Controller
class GraphQlErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
        int status = errorDispatch && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpServletResponse.SC_NOT_FOUND;
        ErrorResponses.write(request, response, refusalFor(status, request));
    }

    private static Refusal refusalFor(int status, HttpServletRequest request) {
        if (status >= 500) {
            String correlationId = String.valueOf(request.getAttribute(CorrelationId.ATTRIBUTE));
            return new Refusal(status, PlatformErrors.INTERNAL_ERROR,
                    "Internal error; quote correlation id " + correlationId + " to support.",
                    Map.of("correlationId", correlationId), Map.of());
        }
        ErrorCode code = switch (status) {
            case 401 -> PlatformErrors.UNAUTHENTICATED;
            case 404 -> PlatformErrors.NOT_FOUND;
            case 413 -> PlatformErrors.REQUEST_TOO_LARGE;
            default -> PlatformErrors.MALFORMED_REQUEST;
        };
        String message = switch (status) {
            case 401 -> "Authentication required.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request is too large.";
            case 415 -> "Unsupported content type.";
            default -> "The request could not be read.";
        };
        return new Refusal(status, code, message);
    }
}
