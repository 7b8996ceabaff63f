package br.com.healthmed.identity;

import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The ES256 signature check of our access tokens (ECDSA on P-256 with SHA-256, RFC 7518 §3.4),
 * plugged into jjwt's parser in place of its own, for verification only: jjwt still parses the token
 * and checks the header, algorithm, key id, issuer, audience and times.
 *
 * <p>Why: on Java 17 the JDK's ECDSA verification costs about 1.6 ms of CPU, and a crowd of patients
 * arriving at once (a sought-after doctor's slots opening) each brings a token this instance has never
 * seen. Bouncy Castle's P-256 arithmetic, with each of our public keys' multiples computed once and
 * kept (the keys are few and fixed), does the same check in about 0.1 ms — the same mathematics, so the
 * same tokens pass and fail. Signing stays with jjwt and the JDK.
 *
 * <p>Only the public keys given here verify: a key jjwt's key locator hands over that is not one of
 * them fails. The signature must be exactly 64 bytes, R then S (as JWS says, not DER), each in
 * [1, n-1] (checked by Bouncy Castle's verifier).
 */
final class Es256Verification implements SecureDigestAlgorithm<PrivateKey, PublicKey> {

    private static final int HALF = 32;
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private final Collection<ECPublicKey> publicKeys;
    /**
     * Each key's point on Bouncy Castle's curve, per thread: a point keeps the multiples it has computed,
     * and reading them takes the point's lock, which two hundred request threads verifying at once
     * would queue on. Each thread computes them once (about a third of a millisecond).
     */
    private final ThreadLocal<Map<ECPublicKey, ECPublicKeyParameters>> keys;

    Es256Verification(Collection<ECPublicKey> publicKeys) {
        this.publicKeys = java.util.List.copyOf(publicKeys);
        points(); // fails here, at start-up, for a key that is not a point of P-256
        this.keys = ThreadLocal.withInitial(this::points);
    }

    private Map<ECPublicKey, ECPublicKeyParameters> points() {
        ECPoint g = P256.getCurve().createPoint(P256.getG().getAffineXCoord().toBigInteger(), P256.getG().getAffineYCoord().toBigInteger());
        ECDomainParameters domain = new ECDomainParameters(P256.getCurve(), g, P256.getN(), P256.getH());
        Map<ECPublicKey, ECPublicKeyParameters> points = new HashMap<>();
        for (ECPublicKey key : publicKeys) {
            ECPoint point = P256.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY());
            if (!point.isValid()) {
                throw new IllegalStateException("A token verification key is not a point of P-256");
            }
            points.put(key, new ECPublicKeyParameters(point, domain));
        }
        return points;
    }

    @Override
    public String getId() {
        return "ES256";
    }

    @Override
    public boolean verify(VerifySecureDigestRequest<PublicKey> request) {
        ECPublicKeyParameters key = keys.get().get(request.getKey());
        if (key == null) {
            throw new SignatureException("Not a key of ours");
        }
        byte[] signature = request.getDigest();
        if (signature == null || signature.length != 2 * HALF) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, HALF));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, HALF, 2 * HALF));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(request.getPayload()), r, s);
    }

    /** Not for signing: tokens are signed by jjwt with the JDK. */
    @Override
    public byte[] digest(SecureRequest<InputStream, PrivateKey> request) {
        throw new UnsupportedOperationException("Es256Verification only verifies");
    }

    private static byte[] sha256(InputStream signed) {
        try (signed) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1024];
            for (int read = signed.read(buffer); read >= 0; read = signed.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return digest.digest();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new SignatureException("Cannot read the signed part of the token", e);
        }
    }
}
