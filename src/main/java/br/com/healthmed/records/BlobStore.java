package br.com.healthmed.records;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Where file bytes live, encrypted at rest. Clients move the bytes themselves with presigned URLs;
 * the service only signs, inspects and deletes. Implementations must pass {@code BlobStoreContract}.
 */
@NamedInterface("api")
public interface BlobStore {

    /**
     * A URL to PUT exactly {@code sizeBytes} bytes of {@code contentType} to {@code key}, refused by the
     * store with any other type or length, after {@code validFor}, or when tampered with.
     */
    PresignedUpload presignUpload(ObjectKey key, String contentType, long sizeBytes, Duration validFor);

    /** What is stored under {@code key}, if anything. */
    Optional<StoredBlob> head(ObjectKey key);

    /** Up to {@code count} first bytes of the object (fewer if it is shorter), without reading the rest. */
    byte[] firstBytes(ObjectKey key, int count);

    /**
     * A URL to GET the object for {@code validFor}, answered with {@code Content-Type: contentType} and
     * {@code Content-Disposition: contentDisposition}.
     */
    PresignedDownload presignDownload(ObjectKey key, String contentType, String contentDisposition, Duration validFor);

    /**
     * What the malware scan says of the object now: {@link ScanStatus#PENDING_SCAN} until a verdict is
     * known (and for an object that is not there).
     */
    ScanStatus scanStatus(ObjectKey key);

    /**
     * Stores exactly {@code sizeBytes} bytes of {@code contentType} read from {@code body} under
     * {@code key}, encrypted at rest like uploads, replacing any object there. For content the service
     * makes itself (a copy of a person's data), which no client uploads.
     */
    void store(ObjectKey key, String contentType, long sizeBytes, InputStream body);

    /** The object's bytes, decrypted, as a stream the caller closes; empty if there is no object. */
    Optional<InputStream> read(ObjectKey key);

    /** Deletes the object; nothing happens if there is none. */
    void delete(ObjectKey key);

    /** @param headers what the client must send with the PUT besides the body (Content-Type among them) */
    record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {
        public PresignedUpload {
            headers = Map.copyOf(headers);
        }
    }

    record PresignedDownload(URI url, Instant expiresAt) {}

    record StoredBlob(long sizeBytes, String contentType) {}
}
