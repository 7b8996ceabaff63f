package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import br.com.healthmed.platform.error.PlatformErrors;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Errors raised by graphql-java itself (syntax, schema validation, variable coercion, disabled
 * introspection) or by Spring (security, unresolved exceptions) carry no {@code extensions.code}.
 * This gives each one, so a client can handle every error by its code, and passes every message
 * through {@link ErrorMessages}: no Java class name, no bad value echoed beyond a short prefix.
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
            WebGraphQlResponse coded = response.getErrors().stream().allMatch(ErrorCodeInterceptor::isClean)
                    ? response
                    : response.transform(builder -> builder.errors(withCodes(response.getErrors())));
            // A subscription's data is its stream of results: each pushed event is executed on its
            // own, and the errors resolving its fields (a storage failure, say) need codes as well.
            if (coded.getExecutionResult().getData() instanceof Publisher<?> items) {
                return coded.transform(builder -> builder.data(Flux.from(items).map(ErrorCodeInterceptor::withCodesOnItem)));
            }
            return coded;
        });
    }

    private static Object withCodesOnItem(Object item) {
        if (!(item instanceof ExecutionResult result) || result.getErrors().stream().allMatch(
                e -> e.getExtensions() != null && e.getExtensions().containsKey("code") && isClean(e.getMessage()))) {
            return item;
        }
        return result.transform(builder -> builder.errors(result.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList()));
    }

    private static List<GraphQLError> withCodes(List<ResponseError> errors) {
        return errors.stream().map(ErrorCodeInterceptor::withCode).toList();
    }

    private static GraphQLError withCode(ResponseError error) {
        return withCode(error.getMessage(), error.getExtensions(), error.getErrorType(), error.getLocations(), error.getParsedPath());
    }

    private static GraphQLError withCode(GraphQLError error) {
        return withCode(error.getMessage(), error.getExtensions(), error.getErrorType(), error.getLocations(), error.getPath());
    }

    private static GraphQLError withCode(@Nullable String message, @Nullable Map<String, Object> given, ErrorClassification type,
                                         List<SourceLocation> locations, List<Object> path) {
        Map<String, Object> extensions = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        extensions.putIfAbsent("code", codeFor(type).name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message == null ? "Request failed." : ErrorMessages.clean(message))
                .extensions(extensions);
        if (type != null) {
            builder.errorType(type);
        }
        // Some graphql-java errors have no locations or path at all (null, not empty), for
        // instance the one for an operationName that names no operation in the document.
        if (locations != null && !locations.isEmpty()) {
            builder.locations(locations);
        }
        if (path != null && !path.isEmpty()) {
            builder.path(path);
        }
        return builder.build();
    }

    /** Has a code, and a message {@link ErrorMessages} leaves as it is. */
    private static boolean isClean(ResponseError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code") && isClean(error.getMessage());
    }

    private static boolean isClean(@Nullable String message) {
        return message != null && ErrorMessages.clean(message).equals(message);
    }

    private static ErrorCode codeFor(ErrorClassification classification) {
        if (classification instanceof graphql.ErrorType type) {
            return switch (type) {
                case InvalidSyntax -> PlatformErrors.GRAPHQL_PARSE_FAILED;
                case ValidationError, OperationNotSupported -> PlatformErrors.GRAPHQL_VALIDATION_FAILED;
                default -> PlatformErrors.INTERNAL_ERROR; // DataFetchingException, NullValueInNonNullableField, ...
            };
        }
        if (classification instanceof ErrorType type) {
            return switch (type) {
                case BAD_REQUEST -> PlatformErrors.BAD_USER_INPUT;
                case UNAUTHORIZED -> PlatformErrors.UNAUTHENTICATED;
                // What a caller may not see does not exist for them.
                case FORBIDDEN, NOT_FOUND -> PlatformErrors.NOT_FOUND;
                default -> PlatformErrors.INTERNAL_ERROR;
            };
        }
        if (classification != null && REQUEST_PROBLEM.matcher(String.valueOf(classification)).find()) {
            return PlatformErrors.GRAPHQL_VALIDATION_FAILED;
        }
        return PlatformErrors.INTERNAL_ERROR;
    }
}
