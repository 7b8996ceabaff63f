package br.com.healthmed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ES256 check that replaces jjwt's must pass and fail exactly the signatures the JDK's does: each
 * case is also put to the JDK's {@code SHA256withECDSA} (in JWS's R‖S form, {@code SHA256withECDSAinP1363Format}).
 */
class Es256VerificationTest {

    private static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final SigningKey key = SigningKey.generate();
    private final Es256Verification verification = new Es256Verification(List.of(key.publicKey()));

    @Test
    void agreesWithTheJdkOnGoodAndTamperedSignaturesOfManyMessages() throws GeneralSecurityException {
        Random random = new Random(7); // seeded: a failure names the same messages again
        for (int i = 0; i < 200; i++) {
            byte[] message = new byte[1 + random.nextInt(600)];
            random.nextBytes(message);
            byte[] signature = sign(message);
            assertThat(verify(message, signature)).as("good signature %d", i).isTrue();
            assertThat(jdkVerifies(key.publicKey(), message, signature)).isTrue();

            byte[] tampered = signature.clone();
            tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(verify(message, tampered)).as("signature %d with one bit flipped", i)
                    .isEqualTo(jdkVerifies(key.publicKey(), message, tampered)).isFalse();

            byte[] otherMessage = message.clone();
            otherMessage[random.nextInt(otherMessage.length)] ^= 1;
            assertThat(verify(otherMessage, signature)).as("message %d with one bit flipped", i).isFalse();
        }
    }

    @Test
    void aSignatureByAnotherKeyFails() throws GeneralSecurityException {
        SigningKey other = SigningKey.generate();
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(other.privateKey());
        signer.update(message);

        assertThat(verify(message, signer.sign())).isFalse();
    }

    @Test
    void rAndSOutsideOneToNMinusOneFail() throws GeneralSecurityException {
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] good = sign(message);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(good, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(good, 32, 64));

        for (byte[] bad : List.of(rs(BigInteger.ZERO, s), rs(r, BigInteger.ZERO), rs(r.add(N), s), rs(r, s.add(N)), rs(N, s), rs(r, N))) {
            assertThat(verify(message, bad)).isEqualTo(jdkVerifies(key.publicKey(), message, bad)).isFalse();
        }
    }

    @Test
    void onlyTheSixtyFourByteJwsFormIsRead() throws GeneralSecurityException {
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature der = Signature.getInstance("SHA256withECDSA"); // ASN.1 DER, not JWS's R‖S
        der.initSign(key.privateKey());
        der.update(message);
        byte[] good = sign(message);

        assertThat(verify(message, der.sign())).isFalse();
        assertThat(verify(message, Arrays.copyOf(good, 63))).isFalse();
        assertThat(verify(message, Arrays.copyOf(good, 65))).isFalse();
        assertThat(verify(message, new byte[0])).isFalse();
    }

    @Test
    void aKeyThatIsNotOneOfOursIsRefused() throws GeneralSecurityException {
        SigningKey other = SigningKey.generate();
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> verification.verify(request(other.publicKey(), message, sign(message))))
                .isInstanceOf(SignatureException.class);
    }

    private boolean verify(byte[] message, byte[] signature) {
        return verification.verify(request(key.publicKey(), message, signature));
    }

    private byte[] sign(byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key.privateKey());
        signer.update(message);
        return signer.sign();
    }

    private static boolean jdkVerifies(ECPublicKey publicKey, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    private static byte[] rs(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        put(r, out, 0);
        put(s, out, 32);
        return out;
    }

    /** Big-endian in 32 bytes; a value too large for them keeps its low 32 bytes (what a forger could send). */
    private static void put(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - length, out, at + 32 - length, length);
    }

    private static VerifySecureDigestRequest<PublicKey> request(PublicKey publicKey, byte[] message, byte[] signature) {
        return new VerifySecureDigestRequest<>() {
            @Override public byte[] getDigest() { return signature; }
            @Override public PublicKey getKey() { return publicKey; }
            @Override public InputStream getPayload() { return new ByteArrayInputStream(message); }
            @Override public Provider getProvider() { return null; }
            @Override public SecureRandom getSecureRandom() { return null; }
        };
    }
}
