package br.com.healthmed.identity;

import io.jsonwebtoken.security.EcPrivateJwk;
import io.jsonwebtoken.security.EcPublicJwk;
import io.jsonwebtoken.security.Jwks;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return publicJwkJson(keyId, publicKey);
    }

    static String publicJwkJson(String keyId, ECPublicKey publicKey) {
        return Jwks.json(Jwks.builder().key(publicKey).id(keyId).publicKeyUse("sig").algorithm("ES256").build());
    }

    private static final Pattern PUBLIC_KEY_PEM =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    /**
     * The P-256 public keys in {@code pems} (PEM blocks as {@code openssl ec -pubout} writes them),
     * by key id (the same RFC 7638 thumbprint the signing key gets); empty for a blank value.
     */
    static Map<String, ECPublicKey> publicKeysFromPem(String pems) {
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        if (pems == null || pems.isBlank()) {
            return keys;
        }
        Matcher block = PUBLIC_KEY_PEM.matcher(pems);
        while (block.find()) {
            try {
                PublicKey key = KeyFactory.getInstance("EC")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(block.group(1).replaceAll("\\s", ""))));
                EcPublicJwk jwk = Jwks.builder().key((ECPublicKey) key).idFromThumbprint().build();
                if (!"P-256".equals(jwk.get("crv"))) {
                    throw new IllegalStateException("healthmed.security.jwt.previous-public-keys: every key must be on curve P-256");
                }
                keys.put(jwk.getId(), (ECPublicKey) key);
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException("healthmed.security.jwt.previous-public-keys holds a block that is not an EC "
                        + "public key (make one with: openssl ec -in signing-key.pem -pubout)", e);
            }
        }
        if (keys.isEmpty() || !PUBLIC_KEY_PEM.matcher(pems).replaceAll("").isBlank()) {
            throw new IllegalStateException("healthmed.security.jwt.previous-public-keys must be PEM public keys "
                    + "(-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----) and nothing else");
        }
        return keys;
    }
}
