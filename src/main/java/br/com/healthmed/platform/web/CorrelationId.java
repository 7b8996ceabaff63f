package br.com.healthmed.platform.web;

import graphql.GraphQLContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A new random id in the form of a version-4 UUID. From {@link ThreadLocalRandom}, not
     * {@link UUID#randomUUID()}: every request takes one or two, and {@code randomUUID} draws them from the
     * JDK's one {@code SecureRandom}, whose lock 64 requests in flight on 2 cores queued for (a JFR lock
     * profile of {@code doctorAgenda} under wrk). These ids tie log lines together and are shown to the
     * caller; they grant nothing, so they need to be distinct, not unguessable. Ids of stored things
     * (appointments, files, sessions) still come from {@code randomUUID}.
     */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                            // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The id of the request this GraphQL operation belongs to (a fresh one if it has none). */
    public static String of(GraphQLContext context) {
        String id = context.get(ATTRIBUTE);
        return id != null ? id : fresh();
    }
}
