package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import br.com.healthmed.platform.storage.StorageFailures;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * The shapes of the errors a client gets for a failure the code did not turn into a GraphQL error
 * itself, the same for a field of a query and for a subscription's stream: a domain failure with its
 * code and message; a storage outage as the retryable error it is; anything else as {@code
 * INTERNAL_ERROR} with an id that finds it in the logs, and nothing of the failure itself.
 */
final class ErrorShapes {

    private ErrorShapes() {}

    /** The domain error {@code failure} is or stands for (a storage outage), if any. */
    static Optional<DomainException> known(Throwable failure) {
        return failure instanceof DomainException domain ? Optional.of(domain) : StorageFailures.asRetryable(failure);
    }

    static GraphQLError domain(GraphqlErrorBuilder<?> error, DomainException failure) {
        return error.errorType(failure.code().errorType()).message(failure.getMessage()).extensions(failure.extensions()).build();
    }

    static GraphQLError internal(GraphqlErrorBuilder<?> error, String correlationId) {
        return error.errorType(PlatformErrors.INTERNAL_ERROR.errorType())
                .message("Internal error; quote correlation id " + correlationId + " to support.")
                .extensions(Map.of("code", PlatformErrors.INTERNAL_ERROR.name(), "correlationId", correlationId))
                .build();
    }
}
