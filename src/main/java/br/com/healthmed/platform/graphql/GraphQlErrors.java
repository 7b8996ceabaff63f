package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.web.CorrelationId;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions thrown by controllers become GraphQL errors. Domain failures keep
 * their code and client-facing message; Bean Validation failures name the offending field; anything
 * storage outage becomes the retryable {@code STORAGE_UNAVAILABLE} or {@code SERVICE_BUSY}; anything
 * else is logged with the request's {@link CorrelationId} and reaches the client only as
 * {@code INTERNAL_ERROR} with that id.
 */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @GraphQlExceptionHandler
    GraphQLError domain(DomainException ex, DataFetchingEnvironment env) {
        return ErrorShapes.domain(GraphqlErrorBuilder.newError(env), ex);
    }

    @GraphQlExceptionHandler
    List<GraphQLError> invalidArguments(ConstraintViolationException ex, DataFetchingEnvironment env) {
        return ex.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(violation -> {
                    String field = fieldName(violation);
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(PlatformErrors.BAD_USER_INPUT.errorType())
                            .message(field + " " + violation.getMessage())
                            .extensions(Map.of("code", PlatformErrors.BAD_USER_INPUT.name(), "field", field))
                            .build();
                })
                .toList();
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
        String correlationId = CorrelationId.of(env.getGraphQlContext());
        Optional<DomainException> known = ErrorShapes.known(ex);
        if (known.isPresent()) { // a storage outage: expected now and then, the client retries
            log.warn("{} in {} [correlationId={}]: {}", known.get().code(), env.getExecutionStepInfo().getPath(), correlationId, ex.toString());
            return ErrorShapes.domain(GraphqlErrorBuilder.newError(env), known.get());
        }
        log.error("Unexpected failure in {} [correlationId={}]", env.getExecutionStepInfo().getPath(), correlationId, ex);
        return ErrorShapes.internal(GraphqlErrorBuilder.newError(env), correlationId);
    }

    /**
     * Bean Validation paths look like {@code registerPatient.input.name}: the method, then the
     * argument as the client named it. The client only knows the latter.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int firstDot = path.indexOf('.');
        return firstDot < 0 ? path : path.substring(firstDot + 1);
    }
}
