package br.com.healthmed.platform.events.log;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
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

    /** A codec of these parts; {@code precedes} is {@link #precedes}. */
    static <E> EventItemCodec<E> of(String itemType, Function<E, String> id, Function<E, Instant> happenedAt, BiPredicate<E, E> precedes,
                                    Function<E, Map<String, AttributeValue>> attributes, Function<Map<String, AttributeValue>, E> event) {
        return new Parts<>(itemType, id, happenedAt, precedes, attributes, event);
    }

    /** A codec of these parts, no event preceding another. */
    static <E> EventItemCodec<E> of(String itemType, Function<E, String> id, Function<E, Instant> happenedAt,
                                    Function<E, Map<String, AttributeValue>> attributes, Function<Map<String, AttributeValue>, E> event) {
        return of(itemType, id, happenedAt, (logged, appended) -> false, attributes, event);
    }

    record Parts<E>(String type, Function<E, String> idOf, Function<E, Instant> timeOf, BiPredicate<E, E> precedence,
                    Function<E, Map<String, AttributeValue>> encode, Function<Map<String, AttributeValue>, E> decode) implements EventItemCodec<E> {

        @Override
        public String id(E event) {
            return idOf.apply(event);
        }

        @Override
        public Instant happenedAt(E event) {
            return timeOf.apply(event);
        }

        @Override
        public boolean precedes(E logged, E event) {
            return precedence.test(logged, event);
        }

        @Override
        public String itemType() {
            return type;
        }

        @Override
        public Map<String, AttributeValue> attributes(E event) {
            return encode.apply(event);
        }

        @Override
        public E event(Map<String, AttributeValue> item) {
            return decode.apply(item);
        }
    }
}
