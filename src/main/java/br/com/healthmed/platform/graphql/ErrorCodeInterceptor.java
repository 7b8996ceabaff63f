package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors raised by graphql-java itself (syntax, schema validation, variable coercion, disabled
 * introspection) or by Spring (security, unresolved exceptions) carry no {@code extensions.code}.
 * This gives each one, so a client can handle every error by its code.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    /**
     * Classifications outside the known enums that describe a problem with the request rather than
     * a failure on our side. graphql-java makes some by name only, e.g. {@code IntrospectionDisabled}
     * (introspection switched off, as in production) and {@code BadFaithIntrospection}.
     */
    private static final Pattern REQUEST_PROBLEM = Pattern.compile(
            "Introspection|Validation|Invalid|Syntax|NotSupported|Unsupported|Disabled|PersistedQuery",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(ErrorCodeInterceptor::hasCode)) {
                return response;
            }
            return response.transform(builder -> builder.errors(withCodes(response.getErrors())));
        });
    }

    private static List<GraphQLError> withCodes(List<ResponseError> errors) {
        return errors.stream().map(ErrorCodeInterceptor::withCode).toList();
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = error.getExtensions() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(error.getExtensions());
        extensions.putIfAbsent("code", codeFor(error.getErrorType()).name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage() == null ? "Request failed." : error.getMessage())
                .extensions(extensions);
        if (error.getErrorType() != null) {
            builder.errorType(error.getErrorType());
        }
        // Some graphql-java errors have no locations or path at all (null, not empty), for
        // instance the one for an operationName that names no operation in the document.
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static ErrorCode codeFor(ErrorClassification classification) {
        if (classification instanceof graphql.ErrorType type) {
            return switch (type) {
                case InvalidSyntax -> ErrorCode.GRAPHQL_PARSE_FAILED;
                case ValidationError, OperationNotSupported -> ErrorCode.GRAPHQL_VALIDATION_FAILED;
                default -> ErrorCode.INTERNAL_ERROR; // DataFetchingException, NullValueInNonNullableField, ...
            };
        }
        if (classification instanceof ErrorType type) {
            return switch (type) {
                case BAD_REQUEST -> ErrorCode.BAD_USER_INPUT;
                case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
                // What a caller may not see does not exist for them.
                case FORBIDDEN, NOT_FOUND -> ErrorCode.NOT_FOUND;
                default -> ErrorCode.INTERNAL_ERROR;
            };
        }
        if (classification != null && REQUEST_PROBLEM.matcher(String.valueOf(classification)).find()) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
