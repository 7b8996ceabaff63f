package br.com.healthmed.platform.security.jwt;

import io.jsonwebtoken.lang.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one Jackson 3 mapper behind jjwt's JSON ({@link JwtJsonSerializer}, {@link JwtJsonDeserializer}),
 * configured as jjwt-jackson configures its Jackson 2 mapper: duplicate member names are refused
 * (a header or claim set with two {@code alg} or {@code sub} members is ambiguous, so an attack
 * surface), and jjwt's {@link Supplier} values (JWK members) are written as what they supply.
 *
 * <p>Why not jjwt-jackson: it needs Jackson 2, which Spring Boot 4 (Jackson 3) otherwise does not ship.
 */
final class JwtJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("jjwt").addSerializer(Supplier.class, new SupplierSerializer()))
            .build();

    private JwtJson() {
    }

    @SuppressWarnings("rawtypes")
    private static final class SupplierSerializer extends ValueSerializer<Supplier> {
        @Override
        public void serialize(Supplier value, JsonGenerator generator, SerializationContext context) {
            context.writeValue(generator, value.get());
        }
    }
}
