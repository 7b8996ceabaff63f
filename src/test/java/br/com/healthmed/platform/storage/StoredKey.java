package br.com.healthmed.platform.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A primary key as the key-shape tests pin it: {@code <PK> / <SK>}. */
public final class StoredKey {

    private StoredKey() {}

    public static String shown(Map<String, AttributeValue> key) {
        return key.get(Keys.PK).s() + " / " + key.get(Keys.SK).s();
    }
}
