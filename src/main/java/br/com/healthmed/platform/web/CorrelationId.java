package br.com.healthmed.platform.web;

import graphql.GraphQLContext;
import java.util.UUID;

/**
 * The id that ties a request's log lines to what its caller sees: every HTTP request gets one (a
 * random UUID, never taken from the caller, so no client can make two requests look like one). It is
 * in the logging MDC while the request runs ({@value #MDC_KEY}, a field of every structured log
 * line), in the response header {@value #HEADER}, in the GraphQL context, and in
 * {@code extensions.correlationId} of an {@code INTERNAL_ERROR}. An operation over WebSocket gets its
 * own.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";
    /** Request attribute and GraphQL context key. */
    static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {}

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The id of the request this GraphQL operation belongs to (a fresh one if it has none). */
    public static String of(GraphQLContext context) {
        String id = context.get(ATTRIBUTE);
        return id != null ? id : fresh();
    }
}
