package br.com.healthmed.platform.security.jwt;

import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes JWT headers, claim sets and JWKs as JSON with Jackson 3. jjwt finds it through
 * {@code META-INF/services/io.jsonwebtoken.io.Serializer}, so every {@code Jwts}/{@code Jwks} call
 * uses it without being told.
 */
public final class JwtJsonSerializer extends AbstractSerializer<Map<String, ?>> {

    @Override
    protected void doSerialize(Map<String, ?> value, OutputStream out) {
        JwtJson.MAPPER.writeValue(out, value);
    }
}
