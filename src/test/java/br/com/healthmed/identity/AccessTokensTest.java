package br.com.healthmed.identity;

import br.com.healthmed.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.InvalidAccessTokenException;
import br.com.healthmed.platform.security.Role;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class AccessTokensTest {

    private static final String ISSUER = "https://api.healthmed.test";
    private static final String AUDIENCE = "healthmed-test";
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant START = Instant.parse("2025-03-10T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** Generating EC keys is cheap, but one per class is enough. */
    private static SigningKey key;

    private MutableClock clock;
    private AccessTokens tokens;
    private PatientAccount patient;
    private DoctorAccount doctor;

    @BeforeAll
    static void generateKey() {
        key = SigningKey.generate();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        tokens = new AccessTokens(key, properties(ISSUER, AUDIENCE), clock, NothingRevoked.INSTANCE);
        patient = new PatientAccount(AccountId.random(), "Ana Souza", Email.parse("ana@example.com", "email"),
                Cpf.parse("529.982.247-25", "cpf"), LocalDate.of(1990, 5, 17), Optional.empty(), "hash", START);
        doctor = new DoctorAccount(AccountId.random(), "Dr. Bruno Lima", Crm.parse("123456/SP", "crm"),
                List.of("CARDIOLOGIA"), "hash", START);
    }

    private static TokenProperties properties(String issuer, String audience) {
        return new TokenProperties(null, true, issuer, audience, TTL, Duration.ofDays(30), null);
    }

    // --- what a good token proves -------------------------------------------------------------

    @Test
    void aTokenItIssuedVerifiesToTheCaller() {
        AccessTokens.Issued issued = tokens.issue(patient, "session-1");

        Caller caller = tokens.verify(issued.token());

        assertThat(caller).isEqualTo(new Caller(patient.id().toString(), Role.PATIENT, "session-1", issued.expiresAt()));
        assertThat(issued.expiresAt()).isEqualTo(START.plus(TTL));
    }

    @Test
    void aDoctorsTokenCarriesTheDoctorRole() {
        String sessionId = UUID.randomUUID().toString();
        Caller caller = tokens.verify(tokens.issue(doctor, sessionId).token());

        assertThat(caller.accountId()).isEqualTo(doctor.id().toString());
        assertThat(caller.role()).isEqualTo(Role.DOCTOR);
        assertThat(caller.sessionId()).isEqualTo(sessionId);
    }

    @Test
    void anotherInstanceWithTheSameKeyAndSettingsAcceptsTheToken() {
        String token = tokens.issue(patient, "s").token();
        AccessTokens other = new AccessTokens(key, properties(ISSUER, AUDIENCE), clock, NothingRevoked.INSTANCE);

        assertThat(other.verify(token).accountId()).isEqualTo(patient.id().toString());
    }

    @Test
    void theTokenIsStillValidJustBeforeItExpires() {
        String token = tokens.issue(patient, "s").token();
        clock.advance(TTL.minusSeconds(1));

        assertThat(tokens.verify(token).role()).isEqualTo(Role.PATIENT);
    }

    @Test
    void theHeaderHasTheKeyIdAndTheAccessTokenType() {
        String token = tokens.issue(patient, "s").token();
        Map<String, Object> header = json(token.split("\\.")[0]);

        assertThat(header)
                .containsEntry("alg", "ES256")
                .containsEntry("typ", "at+jwt")
                .containsEntry("kid", key.keyId());
        assertThat(key.keyId()).isNotBlank();
    }

    @Test
    void thePayloadHasAllTheClaims() {
        String token = tokens.issue(patient, "session-42").token();
        Map<String, Object> claims = json(token.split("\\.")[1]);

        assertThat(claims).containsKeys("iss", "aud", "sub", "role", "sid", "jti", "iat", "exp");
        assertThat(claims)
                .containsEntry("iss", ISSUER)
                .containsEntry("sub", patient.id().toString())
                .containsEntry("role", "PATIENT")
                .containsEntry("sid", "session-42");
        Object aud = claims.get("aud");
        if (aud instanceof Collection<?> audiences) {
            assertThat(List.<Object>copyOf(audiences)).containsExactly(AUDIENCE);
        } else {
            assertThat(aud).isEqualTo(AUDIENCE);
        }
        assertThat(UUID.fromString((String) claims.get("jti"))).isNotNull();
        assertThat(((Number) claims.get("iat")).longValue()).isEqualTo(START.getEpochSecond());
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(START.plus(TTL).getEpochSecond());
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first = tokens.issue(patient, "s").token();
        String second = tokens.issue(patient, "s").token();

        assertThat(json(first.split("\\.")[1]).get("jti")).isNotEqualTo(json(second.split("\\.")[1]).get("jti"));
    }

    @Test
    void jwksPublishesThePublicKeyUnderItsKeyId() {
        Map<String, Object> jwks = JSON.readValue(tokens.jwks(), Map.class);
        List<?> keys = (List<?>) jwks.get("keys");

        assertThat(keys).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) keys.get(0);
        assertThat(jwk)
                .containsEntry("kid", key.keyId())
                .containsEntry("kty", "EC")
                .containsEntry("crv", "P-256")
                .containsEntry("alg", "ES256")
                .containsEntry("use", "sig")
                .containsKeys("x", "y")
                .doesNotContainKey("d");
    }

    // --- expiry -------------------------------------------------------------------------------

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String token = tokens.issue(patient, "s").token();
        clock.advance(TTL.plusSeconds(1));

        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(InvalidAccessTokenException.class, e -> assertThat(e.expired()).isTrue());
    }

    @Test
    void aLongExpiredTokenIsRefusedAsExpired() {
        String token = tokens.issue(patient, "s").token();
        clock.advance(Duration.ofDays(400));

        assertExpired(token);
    }

    @Test
    void aTokenIsExpiredAtExactlyItsExpiry() {
        String token = tokens.issue(patient, "s").token();
        clock.advance(TTL);

        assertExpired(token);
    }

    @Test
    void aTokenIsValidUntilTheExpiryItAdvertises() {
        clock.set(START.plusMillis(600));
        AccessTokens.Issued issued = tokens.issue(patient, "s");
        clock.set(issued.expiresAt().minusMillis(1));

        assertThat(tokens.verify(issued.token()).role()).isEqualTo(Role.PATIENT);
    }

    // --- forgeries ----------------------------------------------------------------------------

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = tokens.issue(patient, "s").token().split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"role\":\"PATIENT\"");
        String forged = parts[0] + "." + b64(payload.replace("\"role\":\"PATIENT\"", "\"role\":\"DOCTOR\"")) + "." + parts[2];

        assertInvalid(forged);
    }

    @Test
    void aTamperedSubjectIsRefused() {
        String[] parts = tokens.issue(patient, "s").token().split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace(patient.id().toString(), doctor.id().toString())) + "." + parts[2];

        assertInvalid(forged);
    }

    @Test
    void anExtendedExpiryIsRefusedAsInvalidNotExpired() {
        String[] parts = tokens.issue(patient, "s").token().split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        long exp = START.plus(TTL).getEpochSecond();
        String forged = parts[0] + "." + b64(payload.replace("\"exp\":" + exp, "\"exp\":" + (exp + 86_400))) + "." + parts[2];
        clock.advance(TTL.plusMinutes(1));

        assertInvalid(forged);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void changingOneCharacterOfAnyPartIsRefused(int part) {
        String[] parts = tokens.issue(patient, "s").token().split("\\.");
        String segment = parts[part];
        int index = segment.length() / 2;
        char replacement = segment.charAt(index) == 'A' ? 'B' : 'A';
        parts[part] = segment.substring(0, index) + replacement + segment.substring(index + 1);

        assertInvalid(String.join(".", parts));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String[] parts = tokens.issue(patient, "s").token().split("\\.");
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + key.keyId() + "\"}");
        String simpleHeader = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");

        assertInvalid(header + "." + parts[1] + ".");
        assertInvalid(simpleHeader + "." + parts[1] + ".");
        assertInvalid(simpleHeader + "." + parts[1]);
        assertInvalid(simpleHeader + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        AccessTokens impostor = new AccessTokens(SigningKey.generate(), properties(ISSUER, AUDIENCE), clock, NothingRevoked.INSTANCE);

        assertInvalid(impostor.issue(patient, "s").token());
    }

    @Test
    void aTokenSignedByAnotherKeyButClaimingOurKeyIdIsRefused() {
        SigningKey other = SigningKey.generate();
        String forged = Jwts.builder()
                .header().type("at+jwt").keyId(key.keyId()).and()
                .issuer(ISSUER).audience().add(AUDIENCE).and()
                .subject(patient.id().toString()).claim("role", "PATIENT").claim("sid", "s")
                .issuedAt(Date.from(START)).expiration(Date.from(START.plus(TTL)))
                .signWith(other.privateKey(), Jwts.SIG.ES256)
                .compact();

        assertInvalid(forged);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        AccessTokens otherAudience = new AccessTokens(key, properties(ISSUER, "another-api"), clock, NothingRevoked.INSTANCE);

        assertInvalid(otherAudience.issue(patient, "s").token());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        AccessTokens otherIssuer = new AccessTokens(key, properties("https://evil.example.com", AUDIENCE), clock, NothingRevoked.INSTANCE);

        assertInvalid(otherIssuer.issue(patient, "s").token());
    }

    @Test
    void aTokenWithTheWrongTypeIsRefused() {
        assertInvalid(signedWithOurKey("JWT", key.keyId(), patient.id().toString(), "PATIENT", "s"));
        assertInvalid(signedWithOurKey("rt+jwt", key.keyId(), patient.id().toString(), "PATIENT", "s"));
        assertInvalid(signedWithOurKey(null, key.keyId(), patient.id().toString(), "PATIENT", "s"));
    }

    @Test
    void ourOwnHandMadeTokenIsAcceptedSoTheNegativeCasesAreMeaningful() {
        String token = signedWithOurKey("at+jwt", key.keyId(), patient.id().toString(), "PATIENT", "s");

        Caller caller = tokens.verify(token);
        assertThat(caller).isEqualTo(new Caller(patient.id().toString(), Role.PATIENT, "s", caller.expiresAt()));
        assertThat(caller.expiresAt()).isAfter(clock.instant());
    }

    @Test
    void aTokenWithAnotherKeyIdIsRefused() {
        assertInvalid(signedWithOurKey("at+jwt", "some-other-kid", patient.id().toString(), "PATIENT", "s"));
        assertInvalid(signedWithOurKey("at+jwt", null, patient.id().toString(), "PATIENT", "s"));
    }

    @Test
    void aTokenWithMalformedClaimsIsRefused() {
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), "not-a-uuid", "PATIENT", "s"));
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), null, "PATIENT", "s"));
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), patient.id().toString(), "ADMIN", "s"));
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), patient.id().toString(), "patient", "s"));
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), patient.id().toString(), null, "s"));
        assertInvalid(signedWithOurKey("at+jwt", key.keyId(), patient.id().toString(), "PATIENT", null));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws GeneralSecurityException {
        String payload = tokens.issue(doctor, "s").token().split("\\.")[1];
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + key.keyId() + "\"}");
        String signingInput = header + "." + payload;

        byte[] der = key.publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        String jwk = key.publicJwkJson();

        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII), jwk.getBytes(StandardCharsets.UTF_8))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signature = B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

            assertInvalid(signingInput + "." + signature);
        }
    }

    @Test
    void aTokenWithAnotherAsymmetricAlgorithmIsRefused() {
        // ES384 needs a P-384 key; RS256 an RSA key: both outside the allowed ES256.
        java.security.KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        String token = Jwts.builder()
                .header().type("at+jwt").keyId(key.keyId()).and()
                .issuer(ISSUER).audience().add(AUDIENCE).and()
                .subject(patient.id().toString()).claim("role", "PATIENT").claim("sid", "s")
                .expiration(Date.from(START.plus(TTL)))
                .signWith(rsa.getPrivate(), Jwts.SIG.RS256)
                .compact();

        assertInvalid(token);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "a.b.c", "a.b", "....", "Bearer x", "eyJhbGciOiJFUzI1NiJ9", "eyJhbGciOiJFUzI1NiJ9.e30.",
            "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"})
    void garbageIsRefused(String token) {
        assertInvalid(token);
    }

    @Test
    void aRefusedExpiredForgeryIsNotReportedAsExpired() {
        // An expired token signed by another key must not make the client think a refresh would help.
        AccessTokens impostor = new AccessTokens(SigningKey.generate(), properties(ISSUER, AUDIENCE), clock, NothingRevoked.INSTANCE);
        String token = impostor.issue(patient, "s").token();
        clock.advance(TTL.plusMinutes(1));

        assertInvalid(token);
    }

    // --- helpers ------------------------------------------------------------------------------

    private String signedWithOurKey(String type, String keyId, String subject, String role, String sessionId) {
        var builder = Jwts.builder();
        if (type != null || keyId != null) {
            var header = builder.header();
            if (type != null) {
                header.type(type);
            }
            if (keyId != null) {
                header.keyId(keyId);
            }
            header.and();
        }
        builder.issuer(ISSUER).audience().add(AUDIENCE).and()
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(START))
                .expiration(Date.from(START.plus(TTL)));
        if (subject != null) {
            builder.subject(subject);
        }
        if (role != null) {
            builder.claim("role", role);
        }
        if (sessionId != null) {
            builder.claim("sid", sessionId);
        }
        return builder.signWith(key.privateKey(), Jwts.SIG.ES256).compact();
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .as("token %s", token)
                .isInstanceOfSatisfying(InvalidAccessTokenException.class, e -> assertThat(e.expired()).isFalse());
    }

    private void assertExpired(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(InvalidAccessTokenException.class, e -> assertThat(e.expired()).isTrue());
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String base64url) {
        return JSON.readValue(B64D.decode(base64url), Map.class);
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        AccessTokens.Issued issued = tokens.issue(patient, "session-1");
        tokens.verify(issued.token()); // verified, then remembered
        tokens.verify(issued.token());

        clock.advance(TTL);

        assertThatThrownBy(() -> tokens.verify(issued.token()))
                .isInstanceOfSatisfying(InvalidAccessTokenException.class, e -> assertThat(e.expired()).isTrue());
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillRefused() {
        String token = tokens.issue(patient, "session-1").token();
        tokens.verify(token);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

        assertInvalid(tampered);
    }
}
