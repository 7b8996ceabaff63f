package br.com.healthmed.records.blob;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.ScanStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded blob store: encrypted files in a local folder ({@link SealedBlobs}), uploaded and
 * downloaded by clients through URLs this application serves ({@link LocalBlobController}) — signed,
 * expiring and bound to type and length exactly like S3's presigned URLs, so clients use one flow in
 * both modes. Files survive restarts; an object, once written, is never overwritten. There is no
 * malware scanner: every stored file is reported {@link ScanStatus#CLEAN}.
 */
class LocalBlobStore implements BlobStore {

    static final String PATH = "/blobs/";

    private final LocalBlobFolder folder;
    private final UrlSignatures signatures;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    LocalBlobStore(LocalBlobFolder folder, Clock clock, Supplier<String> baseUrl) {
        this.folder = folder;
        this.signatures = new UrlSignatures(folder.signingKey());
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public PresignedUpload presignUpload(ObjectKey key, String contentType, long sizeBytes, Duration validFor) {
        Instant expires = expiry(validFor);
        String signature = signatures.sign(uploadParts(key, expires.getEpochSecond(), contentType, sizeBytes));
        URI url = URI.create(base() + PATH + key.value() + "?expires=" + expires.getEpochSecond()
                + "&type=" + encode(contentType) + "&length=" + sizeBytes + "&signature=" + signature);
        return new PresignedUpload(url, Map.of("Content-Type", contentType), expires);
    }

    @Override
    public PresignedDownload presignDownload(ObjectKey key, String contentType, String contentDisposition, Duration validFor) {
        Instant expires = expiry(validFor);
        String signature = signatures.sign(downloadParts(key, expires.getEpochSecond(), contentType, contentDisposition));
        URI url = URI.create(base() + PATH + key.value() + "?expires=" + expires.getEpochSecond()
                + "&type=" + encode(contentType) + "&disposition=" + encode(contentDisposition) + "&signature=" + signature);
        return new PresignedDownload(url, expires);
    }

    @Override
    public Optional<StoredBlob> head(ObjectKey key) {
        try (InputStream in = Files.newInputStream(path(key))) {
            SealedBlobs.Header header = SealedBlobs.readHeader(in);
            return Optional.of(new StoredBlob(header.sizeBytes(), header.contentType()));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] firstBytes(ObjectKey key, int count) {
        try (InputStream in = open(key).orElseThrow(() -> new NoSuchFileException(key.value())).content()) {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** There is no scanner here: a stored file is as clean as it will ever be found. */
    @Override
    public ScanStatus scanStatus(ObjectKey key) {
        return Files.exists(path(key)) ? ScanStatus.CLEAN : ScanStatus.PENDING_SCAN;
    }

    /** Unlike an upload URL's write-once PUT, replaces what is there (a rebuilt copy). */
    @Override
    public void store(ObjectKey key, String contentType, long sizeBytes, InputStream body) {
        try {
            Path partial = Files.createTempFile(folder.objects(), key.value(), ".part");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
                    SealedBlobs.seal(folder.encryptionKey(), key.value(), contentType, sizeBytes, body, out);
                }
                Files.move(partial, path(key), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> read(ObjectKey key) {
        try {
            return open(key).map(Opened::content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(ObjectKey key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- used by LocalBlobController ------------------------------------------------------------

    /** A stored object: its header and a stream of its plaintext (close it). */
    record Opened(SealedBlobs.Header header, InputStream content) {}

    boolean mayUpload(ObjectKey key, long expires, String contentType, long sizeBytes, String signature) {
        return notExpired(expires) && signatures.verify(uploadParts(key, expires, contentType, sizeBytes), signature);
    }

    boolean mayDownload(ObjectKey key, long expires, String contentType, String disposition, String signature) {
        return notExpired(expires) && signatures.verify(downloadParts(key, expires, contentType, disposition), signature);
    }

    /**
     * Stores exactly {@code sizeBytes} bytes from {@code body}, encrypted. Written to a temporary file
     * and moved into place only when complete, so an interrupted upload leaves nothing behind.
     *
     * @throws FileAlreadyExistsException if the object exists (upload URLs write once)
     * @throws SealedBlobs.LengthMismatchException if the body is shorter or longer
     */
    void write(ObjectKey key, String contentType, long sizeBytes, InputStream body) throws IOException {
        Path target = path(key);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(key.value());
        }
        Path partial = Files.createTempFile(folder.objects(), key.value(), ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
                SealedBlobs.seal(folder.encryptionKey(), key.value(), contentType, sizeBytes, body, out);
            }
            Files.move(partial, target); // fails if a concurrent upload won: write once
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    Optional<Opened> open(ObjectKey key) throws IOException {
        InputStream in;
        try {
            in = new java.io.BufferedInputStream(Files.newInputStream(path(key)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        try {
            SealedBlobs.Header header = SealedBlobs.readHeader(in);
            return Optional.of(new Opened(header, SealedBlobs.open(folder.encryptionKey(), key.value(), header, in)));
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private boolean notExpired(long expires) {
        return clock.instant().getEpochSecond() < expires;
    }

    private Instant expiry(Duration validFor) {
        return Instant.ofEpochSecond(clock.instant().plus(validFor).getEpochSecond());
    }

    private String base() {
        String base = baseUrl.get();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Path path(ObjectKey key) {
        return folder.objects().resolve(key.value()); // a key is 32 hex digits: it cannot leave the folder
    }

    private static List<String> uploadParts(ObjectKey key, long expires, String contentType, long sizeBytes) {
        return List.of("PUT", key.value(), Long.toString(expires), contentType, Long.toString(sizeBytes));
    }

    private static List<String> downloadParts(ObjectKey key, long expires, String contentType, String disposition) {
        return List.of("GET", key.value(), Long.toString(expires), contentType, disposition);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
