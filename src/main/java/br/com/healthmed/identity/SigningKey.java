package br.com.healthmed.identity;

import io.jsonwebtoken.security.EcPrivateJwk;
import io.jsonwebtoken.security.Jwks;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The ES256 key pair that signs access tokens, with its key id (the RFC 7638 thumbprint of the
 * public key, so the same key always gets the same {@code kid}).
 */
record SigningKey(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey) {

    static SigningKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return of((ECPrivateKey) key);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("healthmed.security.jwt.private-key is not an EC P-256 private key in PKCS#8 PEM "
                    + "(make one with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)", e);
        }
    }

    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return of((ECPrivateKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }

    private static SigningKey of(ECPrivateKey privateKey) {
        // jjwt derives the public point from the private scalar and checks the curve (P-256 for ES256).
        EcPrivateJwk jwk = Jwks.builder().key(privateKey).idFromThumbprint().build();
        if (!"P-256".equals(jwk.toPublicJwk().get("crv"))) {
            throw new IllegalStateException("The signing key must be on curve P-256 (ES256)");
        }
        return new SigningKey(jwk.getId(), privateKey, jwk.toPublicJwk().toKey());
    }

    /** The public key as a JWK JSON object, for the JWKS endpoint. */
    String publicJwkJson() {
        return Jwks.json(Jwks.builder().key(publicKey).id(keyId).publicKeyUse("sig").algorithm("ES256").build());
    }
}
