package br.com.healthmed.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Building the export JSON: objects keep their keys in the documented order; absent values are null. */
final class Json {

    private Json() {}

    /** An object from alternating keys and values. */
    static Map<String, Object> object(@Nullable Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return object;
    }

    private static @Nullable Object value(@Nullable Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(Json::value).orElse(null);
        }
        if (value instanceof Instant || value instanceof java.time.LocalDate || value instanceof java.util.UUID
                || value instanceof Enum<?> || value instanceof java.math.BigDecimal) {
            return value.toString();
        }
        return value;
    }
}
