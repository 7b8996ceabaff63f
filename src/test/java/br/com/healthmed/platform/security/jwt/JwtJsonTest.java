package br.com.healthmed.platform.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.DeserializationException;
import io.jsonwebtoken.security.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * jjwt's JSON over Jackson 3 (jjwt-jackson and Jackson 2 are gone): the bytes written are the compact
 * JSON jjwt-jackson wrote, in the builder's member order, and tokens in that shape still parse.
 */
class JwtJsonTest {

    private static final KeyPair KEY = Jwts.SIG.ES256.keyPair().build();
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

    @Test
    void writesTheHeaderAndClaimsAsCompactJsonInTheBuildersOrder() {
        String token = Jwts.builder()
                .header().type("at+jwt").keyId("key-1").and()
                .issuer("healthmed").audience().add("healthmed-api").and()
                .subject("a1").claim("role", "PATIENT").claim("sid", "s1").id("j1")
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(900)))
                .claim("context", Map.of("user", Map.of("moderator", true)))
                .signWith(KEY.getPrivate(), Jwts.SIG.ES256).compact();

        String[] parts = token.split("\\.");
        assertThat(decode(parts[0])).isEqualTo("{\"typ\":\"at+jwt\",\"kid\":\"key-1\",\"alg\":\"ES256\"}");
        assertThat(decode(parts[1])).isEqualTo("{\"iss\":\"healthmed\",\"aud\":[\"healthmed-api\"],\"sub\":\"a1\","
                + "\"role\":\"PATIENT\",\"sid\":\"s1\",\"jti\":\"j1\",\"iat\":1767614400,\"exp\":1767615300,"
                + "\"context\":{\"user\":{\"moderator\":true}}}");
    }

    @Test
    void parsesATokenWrittenInJjwtJacksonsShape() throws Exception {
        String signingInput = encode("{\"typ\":\"at+jwt\",\"kid\":\"key-1\",\"alg\":\"ES256\"}") + "."
                + encode("{\"iss\":\"healthmed\",\"aud\":[\"healthmed-api\"],\"sub\":\"a1\",\"role\":\"PATIENT\","
                        + "\"iat\":1767614400,\"exp\":1767615300,\"context\":{\"user\":{\"moderator\":true}}}");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(KEY.getPrivate());
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(es256.sign());

        var jws = Jwts.parser().verifyWith(KEY.getPublic()).clock(() -> Date.from(NOW)).build().parseSignedClaims(token);

        Claims claims = jws.getPayload();
        assertThat(jws.getHeader().getKeyId()).isEqualTo("key-1");
        assertThat(jws.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(claims.getSubject()).isEqualTo("a1");
        assertThat(claims.getAudience()).containsExactly("healthmed-api");
        assertThat(claims.get("role", String.class)).isEqualTo("PATIENT");
        assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plusSeconds(900));
        assertThat(claims.get("context")).isEqualTo(Map.of("user", Map.of("moderator", true)));
    }

    @Test
    void refusesAMemberNamedTwice() {
        // Which "alg" or "sub" counts would otherwise be up to the parser: an ambiguity worth refusing.
        assertThatThrownBy(() -> new JwtJsonDeserializer().deserialize(
                "{\"sub\":\"a1\",\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DeserializationException.class);
    }

    @Test
    void writesAndReadsAPublicJwk() {
        var jwk = Jwks.builder().key((java.security.interfaces.ECPublicKey) KEY.getPublic()).idFromThumbprint().build();

        var parsed = Jwks.parser().build().parse(Jwks.json(jwk));

        assertThat(parsed.getId()).isEqualTo(jwk.getId());
        assertThat(parsed.toKey()).isEqualTo(KEY.getPublic());
        assertThat(List.of("kty", "crv", "x", "y")).allSatisfy(member -> assertThat(Jwks.json(jwk)).contains("\"" + member + "\""));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
