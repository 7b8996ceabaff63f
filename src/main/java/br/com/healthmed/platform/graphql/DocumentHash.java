package br.com.healthmed.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The id of a document in Apollo's persisted-query protocol and in a trusted-documents manifest: the
 * SHA-256 of its text as sent (UTF-8), in lowercase hex. The text is hashed exactly, whitespace and
 * all, as Apollo's link and GraphQL Code Generator hash the text they send. GraphQL Code Generator
 * writes the id as the GraphQL-over-HTTP draft's prefixed form, {@code sha256:<hex>}; {@link #id}
 * accepts both.
 */
final class DocumentHash {

    private static final String PREFIX = "sha256:";

    private DocumentHash() {}

    /** A document id as a client or a manifest wrote it, in the form {@link #sha256} returns: prefix off, lowercase. */
    static String id(String written) {
        String id = written.strip().toLowerCase(Locale.ROOT);
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }

    static String sha256(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
