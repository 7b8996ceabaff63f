package br.com.healthmed.platform.security.jwt;

import io.jsonwebtoken.io.AbstractDeserializer;
import java.io.Reader;
import java.util.Map;

/**
 * Reads JWT headers, claim sets and JWKs with Jackson 3: objects as maps, numbers as
 * {@code Integer}/{@code Long} (jjwt reads {@code iat}, {@code exp}, {@code nbf} from either). jjwt
 * finds it through {@code META-INF/services/io.jsonwebtoken.io.Deserializer}.
 */
public final class JwtJsonDeserializer extends AbstractDeserializer<Map<String, ?>> {

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, ?> doDeserialize(Reader reader) {
        return JwtJson.MAPPER.readValue(reader, Map.class);
    }
}
