package br.com.healthmed.platform.events.log;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the DynamoDB log needs to know of one kind of event: its stable id (appends are idempotent by
 * it), when it happened (an append looks back no further than that, less {@link EventLog#CLOCK_SKEW}),
 * and how it is stored as item attributes beside the log's own ({@code PK}, {@code SK}, {@code type},
 * {@code appendedAt}, {@code ttl}).
 */
public interface EventItemCodec<E> {

    String id(E event);

    Instant happenedAt(E event);

    /**
     * Whether {@code logged} is an event that its producer always appends before {@code event} (an
     * earlier step of the same appointment): an append that meets it stops looking further back.
     * None by default.
     */
    default boolean precedes(E logged, E event) {
        return false;
    }

    /** The item's {@code type} attribute, e.g. {@code APPOINTMENT_EVENT}. */
    String itemType();

    /** The event's own attributes; none of them may be named like the log's. */
    Map<String, AttributeValue> attributes(E event);

    E event(Map<String, AttributeValue> item);
}
