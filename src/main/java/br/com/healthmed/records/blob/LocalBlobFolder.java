package br.com.healthmed.records.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The folder of the embedded blob store and its keys. One master key, configured or generated once
 * and kept beside the files (so they can still be read after a restart), yields two keys: one
 * encrypts the files, the other signs URLs; neither can stand in for the other.
 */
record LocalBlobFolder(Path objects, SecretKeySpec encryptionKey, SecretKeySpec signingKey) {

    private static final String KEY_FILE = "master.key";

    static LocalBlobFolder open(LocalBlobProperties properties) {
        try {
            Path root = properties.directory().toAbsolutePath();
            Path objects = Files.createDirectories(root.resolve("objects"));
            byte[] master = properties.key() != null && !properties.key().isBlank()
                    ? Base64.getDecoder().decode(properties.key().strip())
                    : storedKey(root.resolve(KEY_FILE));
            if (master.length != 32) {
                throw new IllegalStateException("healthmed.records.local-blobs.key must be 32 bytes, base64-encoded");
            }
            return new LocalBlobFolder(objects, derive(master, "healthmed blob encryption", "AES"),
                    derive(master, "healthmed blob url signing", "HmacSHA256"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob folder " + properties.directory(), e);
        }
    }

    private static byte[] storedKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path temporary = Files.createTempFile(file.getParent(), "master", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // e.g. Windows: the folder's own permissions apply
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.move(temporary, file); // never replaces a key another instance wrote first
            } catch (FileAlreadyExistsException other) {
                Files.delete(temporary);
            }
        }
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    private static SecretKeySpec derive(byte[] master, String purpose, String algorithm) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
