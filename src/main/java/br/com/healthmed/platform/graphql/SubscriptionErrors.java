package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.web.CorrelationId;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription's stream that ends with an error (as opposed to one pushed event whose fields
 * failed, which {@link GraphQlErrors} handles) reaches the client as a graphql-ws {@code error}
 * message with a code, like every other error: a domain failure keeps its code and message, anything
 * else is {@code INTERNAL_ERROR} with an id to find it in the logs. Without this, Spring sends
 * "Subscription error" with no code.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        Optional<DomainException> known = ErrorShapes.known(ex);
        if (known.isPresent()) {
            return ErrorShapes.domain(GraphqlErrorBuilder.newError(), known.get());
        }
        String correlationId = CorrelationId.fresh();
        log.error("A subscription failed [correlationId={}]", correlationId, ex);
        return ErrorShapes.internal(GraphqlErrorBuilder.newError(), correlationId);
    }
}
