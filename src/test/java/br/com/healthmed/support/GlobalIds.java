package br.com.healthmed.support;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.graphql.GlobalId;
import java.util.UUID;

/**
 * Between the API's opaque global ids and the stores' UUIDs, for tests that look behind the API (a store, a
 * log, an e-mail) or set it up there. A test that only talks to the API passes ids back as they came and
 * needs none of this.
 */
public final class GlobalIds {

    private GlobalIds() {}

    /** The global id the API shows for the object of {@code typeName} with this store key. */
    public static String of(String typeName, Object key) {
        return GlobalId.encode(typeName, key instanceof EntityId entity ? entity.value() : key);
    }

    /** The store key (a UUID) inside a global id of {@code typeName} the API answered. */
    public static UUID uuid(String typeName, Object globalId) {
        return GlobalId.uuidExpectingOrLegacyUuid(typeName, (String) globalId);
    }

    /**
     * The store key inside a global id of any type, as stores and logs carry it; a string that is no global id
     * (a key already) as it is. For tests that hand an id from an answer to a store or a service.
     */
    public static String key(Object id) {
        return GlobalId.parse((String) id).map(GlobalId::key).orElse((String) id);
    }

    /** As {@link #uuid}, as the string stores and logs carry. */
    public static String key(String typeName, Object globalId) {
        return uuid(typeName, globalId).toString();
    }
}
