package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.security.InvalidAccessTokenException;
import br.com.healthmed.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rotating the signing key without logging anyone out: while {@code previous-public-keys} names the
 * other key in play, tokens of both keys verify (whichever one an instance signs with) and the JWKS
 * publishes both; a key named nowhere is refused.
 */
class SigningKeyRotationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    private final SigningKey oldKey = SigningKey.generate();
    private final SigningKey newKey = SigningKey.generate();
    private final PatientAccount patient = new PatientAccount(AccountId.random(), "Ana Souza",
            Email.parse("ana@example.com", "email"), Cpf.parse("529.982.247-25", "cpf"), LocalDate.of(1990, 5, 17),
            Optional.empty(), "hash", clock.instant());

    private AccessTokens tokens(SigningKey signing, String previousPublicKeys) {
        return new AccessTokens(signing, new TokenProperties(null, false, "https://api.healthmed.test", "healthmed-test",
                Duration.ofMinutes(15), Duration.ofDays(30), previousPublicKeys), clock, NothingRevoked.INSTANCE);
    }

    private static String pem(SigningKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void withoutARotationOnlyTheSigningKeysTokensVerify() {
        String oldToken = tokens(oldKey, null).issue(patient, "s").token();

        assertThatThrownBy(() -> tokens(newKey, null).verify(oldToken)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void afterTheSwitchTheOldKeysTokensStillVerifyAndBothKeysArePublished() {
        String issuedBeforeTheSwitch = tokens(oldKey, null).issue(patient, "s").token();
        AccessTokens switched = tokens(newKey, pem(oldKey));

        assertThat(switched.verify(issuedBeforeTheSwitch).accountId()).isEqualTo(patient.id().toString());
        assertThat(switched.verify(switched.issue(patient, "s").token()).accountId()).isEqualTo(patient.id().toString());
        assertThat(keyIds(switched.jwks())).containsExactly(newKey.keyId(), oldKey.keyId());
    }

    @Test
    void beforeTheSwitchInstancesStillSigningWithTheOldKeyAcceptTheNewOnes() {
        // step 1 of the rotation: every instance learns the new public key before any signs with it
        AccessTokens preparing = tokens(oldKey, pem(newKey));
        String issuedByASwitchedInstance = tokens(newKey, pem(oldKey)).issue(patient, "s").token();

        assertThat(preparing.verify(issuedByASwitchedInstance).accountId()).isEqualTo(patient.id().toString());
        assertThat(keyIds(preparing.jwks())).containsExactly(oldKey.keyId(), newKey.keyId());
    }

    @Test
    void aKeyNamedNowhereIsRefusedEvenDuringARotation() {
        SigningKey stranger = SigningKey.generate();
        String foreign = tokens(stranger, null).issue(patient, "s").token();

        assertThatThrownBy(() -> tokens(newKey, pem(oldKey)).verify(foreign)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void somethingElseThanPublicKeysStopsStartUpWithAMessage() {
        assertThatThrownBy(() -> tokens(newKey, "not a key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("previous-public-keys");
        assertThatThrownBy(() -> tokens(newKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl ec");
    }

    @SuppressWarnings("unchecked")
    private static List<String> keyIds(String jwks) {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) JSON.readValue(jwks, Map.class).get("keys");
        return keys.stream().map(k -> (String) k.get("kid")).toList();
    }
}
