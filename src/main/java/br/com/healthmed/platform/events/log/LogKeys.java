package br.com.healthmed.platform.events.log;

import br.com.healthmed.platform.storage.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where one kind of log lives in the single table: {@code <logPrefix><owner>} / {@code E#<19-digit position>}
 * for its events, and {@code <headPrefix><owner>} / {@code HEAD} for its head (outside the log's partition, so
 * log queries never meet it). The module that owns the log spells the prefixes, in its store's key class.
 */
public record LogKeys(String logPrefix, String headPrefix) {

    private static final String POSITION_PREFIX = "E#";

    public String log(String owner) {
        return logPrefix + owner;
    }

    public Map<String, AttributeValue> entry(String owner, long position) {
        return Keys.key(log(owner), position(position));
    }

    public Map<String, AttributeValue> head(String owner) {
        return Keys.key(headPrefix + owner, "HEAD");
    }

    public static String position(long position) {
        return String.format("E#%019d", position);
    }

    static long positionOf(String sortKey) {
        return Long.parseLong(Keys.idAfter(POSITION_PREFIX, sortKey));
    }
}
