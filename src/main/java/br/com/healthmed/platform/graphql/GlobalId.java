package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.EntityId;
import br.com.healthmed.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Relay global object id: the object's GraphQL type and its key within that type, as one opaque
 * string (base64url without padding of {@code <TypeName>:<key>}). Clients must not parse it; the
 * encoding is ours to change. The type is inside so that {@code node(id:)} knows where to look and so
 * that an id of one type handed where another is expected is recognised as no object at all.
 */
public record GlobalId(String typeName, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** Keys are UUIDs or codes such as CARDIOLOGIA: nothing that needs escaping anywhere. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** Longer than any id we make (type name, colon, UUID or a specialty code): anything longer is not one. */
    private static final int MAX_LENGTH = 200;

    public GlobalId {
        Objects.requireNonNull(typeName);
        Objects.requireNonNull(key);
        if (!TYPE_NAME.matcher(typeName).matches() || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a global id: type " + typeName + ", key of " + key.length() + " characters");
        }
    }

    /** The global id of the object of type {@code typeName} whose key is {@code key} (an {@link EntityId}, a UUID or a string). */
    public static String encode(String typeName, Object key) {
        return new GlobalId(typeName, keyOf(key)).encoded();
    }

    public String encoded() {
        return ENCODER.encodeToString((typeName + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The type and key inside {@code id}, or empty when it is not a global id we made (in the one spelling we
     * make it: a UUID key in lower case).
     */
    public static Optional<GlobalId> parse(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0 || !ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)).equals(id)) {
                return Optional.empty(); // not ours, or not in the one spelling we make (padding, '+', '/')
            }
            String typeName = text.substring(0, colon);
            String key = text.substring(colon + 1);
            return TYPE_NAME.matcher(typeName).matches() && KEY.matcher(key).matches() && canonical(key)
                    ? Optional.of(new GlobalId(typeName, key)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * The key of an object of type {@code typeName} that {@code id} names. A global id of another type
     * and a string that is no global id are {@code NOT_FOUND}, the same answer as for an id that names
     * nothing, so a caller learns nothing from a forged or misplaced id.
     */
    public static String keyExpecting(String typeName, String id) {
        return parse(id).filter(global -> global.typeName().equals(typeName)).map(GlobalId::key)
                .orElseThrow(() -> DomainException.notFound(typeName));
    }

    /**
     * As {@link #keyExpecting}, but also takes a bare UUID as the key itself: the ids clients and
     * e-mailed links had before global ids (a deprecated form, accepted in typed arguments only). A bare
     * UUID is taken in either case, as UUIDs are, and passed on in lower case, the key's one spelling.
     */
    public static String keyExpectingOrLegacyUuid(String typeName, String id) {
        return isUuid(id) ? id.toLowerCase(java.util.Locale.ROOT) : keyExpecting(typeName, id);
    }

    /**
     * The UUID key of an object of type {@code typeName} that {@code id} names, as a global id or (deprecated) as
     * the bare UUID; {@code NOT_FOUND} for anything else, a global id of the type with a key that is no UUID included.
     */
    public static UUID uuidExpectingOrLegacyUuid(String typeName, String id) {
        String key = keyExpectingOrLegacyUuid(typeName, id);
        if (!isUuid(key)) {
            throw DomainException.notFound(typeName);
        }
        return UUID.fromString(key);
    }

    /**
     * One object, one id: a UUID key only in the lower case we write it in ({@code UUID.toString()}). The
     * upper-case spelling would be a second valid id of the same object for lookups that parse the key,
     * and no object at all for those that compare it as text; it is neither, just no id we made.
     */
    private static boolean canonical(String key) {
        return !isUuid(key) || key.equals(key.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static String keyOf(Object key) {
        return key instanceof EntityId entity ? entity.value().toString() : key.toString();
    }
}
