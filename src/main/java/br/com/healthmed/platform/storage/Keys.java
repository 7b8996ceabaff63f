package br.com.healthmed.platform.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generic mechanics of the single table's keys: attribute names, the 16 hex shards, building a key and reading
 * an id back after its prefix. It knows no module's key shape: each module spells its own prefixes in its store
 * package ({@code AccountKeys}, {@code SlotKeys}, {@code RecordKeys} ...); docs/dynamodb.md lists them
 * (DynamoDbDocumentationTest checks it).
 */
public final class Keys {

    public static final String PK = "PK";
    public static final String SK = "SK";

    /** First overloaded global secondary index and its key attributes (see {@link DynamoTable}). */
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";

    /** Second overloaded global secondary index and its key attributes. */
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";

    /**
     * Partitions spread by the first hex digit of a UUID (pending due checks, pending listings, the outbox): a
     * busy hour of writes lands on 16 partitions, not one, and a reader queries each.
     */
    public static final int HEX_SHARDS = 16;

    private Keys() {}

    /** The shard of {@code uuid}, its first hex digit. */
    public static String hexShard(String uuid) {
        return uuid.substring(0, 1);
    }

    /** Shard number {@code shard} (0 to {@link #HEX_SHARDS} - 1), as its hex digit. */
    public static String hexShard(int shard) {
        return Integer.toHexString(shard);
    }

    /** An item's primary key. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    /**
     * What follows {@code prefix} in a stored key ({@code SLOT#<uuid>} gives the uuid). A key of another shape is
     * refused by name: read back as an id it would load the wrong item or fail far from here.
     */
    public static String idAfter(String prefix, String key) {
        if (key == null || !key.startsWith(prefix) || key.length() == prefix.length()) {
            throw new IllegalArgumentException("Not a " + prefix + "<id> key: " + key);
        }
        return key.substring(prefix.length());
    }
}
