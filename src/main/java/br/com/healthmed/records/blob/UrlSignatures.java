package br.com.healthmed.records.blob;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA256 over every part of a URL that grants something (method, object, expiry, type, length
 * or disposition), so changing any of them — or using a download URL to upload — breaks the signature.
 */
final class UrlSignatures {

    private final SecretKey key;

    UrlSignatures(SecretKey key) {
        this.key = key;
    }

    String sign(List<String> parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Length-prefixed parts: "a|bc" and "ab|c" must not sign alike.
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(List<String> parts, String signature) {
        return signature != null && MessageDigest.isEqual(
                sign(parts).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
