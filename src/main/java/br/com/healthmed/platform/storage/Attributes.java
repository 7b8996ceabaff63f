package br.com.healthmed.platform.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading and writing item attributes. Instants are stored as ISO-8601 strings (readable in the
 * console, sortable); the {@link #TTL} attribute holds epoch seconds, as DynamoDB's TTL requires.
 */
public final class Attributes {

    /** The attribute DynamoDB's TTL deletes by; only a clean-up, never relied upon for correctness. */
    public static final String TTL = "ttl";

    private Attributes() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    public static AttributeValue epochSeconds(Instant value) {
        return AttributeValue.fromN(Long.toString(value.getEpochSecond()));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        return required(item, name).s();
    }

    public static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.parse(string(item, name));
    }

    public static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name).map(Instant::parse);
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        return required(item, name).l().stream().map(AttributeValue::s).toList();
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("Item " + item.get(Keys.PK) + " lacks attribute " + name);
        }
        return value;
    }
}
