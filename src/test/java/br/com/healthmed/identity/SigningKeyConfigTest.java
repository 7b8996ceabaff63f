package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Where the token signing key comes from, and what happens when it is missing or wrong. */
class SigningKeyConfigTest {

    private final SigningKeyConfig config = new SigningKeyConfig();

    private static TokenProperties properties(String privateKey, boolean generateIfMissing) {
        return new TokenProperties(privateKey, generateIfMissing, "https://issuer", "aud",
                Duration.ofMinutes(15), Duration.ofDays(30), null);
    }

    private static String pkcs8Pem(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aConfiguredPemKeyIsUsedAndKeepsItsKeyIdAcrossRestarts() throws Exception {
        String pem = pkcs8Pem("secp256r1");

        SigningKey first = config.signingKey(properties(pem, false));
        SigningKey second = config.signingKey(properties(pem, false));

        assertThat(first.keyId()).isEqualTo(second.keyId()).isNotBlank();
        assertThat(first.publicKey()).isEqualTo(second.publicKey());
    }

    @Test
    void withoutAKeyStartUpFailsUnlessGeneratingIsAllowed() {
        assertThatThrownBy(() -> config.signingKey(properties(null, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("healthmed.security.jwt.private-key")
                .hasMessageContaining("HEALTHMED_SECURITY_JWT_PRIVATE_KEY");
        assertThatThrownBy(() -> config.signingKey(properties("  ", false))).isInstanceOf(IllegalStateException.class);

        assertThat(config.signingKey(properties(null, true)).keyId()).isNotBlank();
    }

    @Test
    void aKeyThatIsNotAP256EcKeyIsRefusedWithAHint() throws Exception {
        assertThatThrownBy(() -> config.signingKey(properties("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl genpkey");
        String p384 = pkcs8Pem("secp384r1");
        assertThatThrownBy(() -> config.signingKey(properties(p384, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P-256");
    }
}
