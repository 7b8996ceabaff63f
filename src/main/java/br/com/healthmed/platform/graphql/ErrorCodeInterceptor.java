package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors raised by graphql-java itself (syntax, schema validation, variable coercion) carry no
 * {@code extensions.code}. This gives each one, so a client can handle every error by its code.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

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
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.putIfAbsent("code", codeFor(error.getErrorType()).name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (!error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions().containsKey("code");
    }

    private static ErrorCode codeFor(ErrorClassification classification) {
        if (classification == graphql.ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (classification == graphql.ErrorType.ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
