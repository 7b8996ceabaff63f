package br.com.healthmed.records.blob;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ContentDispositions;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.support.PlainHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises, tried the way clients use it: real bytes PUT to the presigned
 * URL and read back from the download URL with a plain HTTP client, no SDK and no token.
 */
abstract class BlobStoreContract {

    private static final String DISPOSITION = ContentDispositions.attachment("Exame de sangue – março.pdf");

    protected abstract BlobStore store();

    /** A download URL for {@code key} signed correctly but already expired. */
    protected abstract URI expiredDownloadUrl(ObjectKey key, String contentType, String disposition);

    @Test
    void bytesPutToTheUploadUrlComeBackIdenticalFromTheDownloadUrl() {
        ObjectKey key = ObjectKey.random();
        byte[] bytes = bytes(200_000); // several chunks of the embedded store's format

        BlobStore.PresignedUpload upload = store().presignUpload(key, "application/pdf", bytes.length, Duration.ofMinutes(15));
        assertThat(put(upload, bytes).statusCode()).isEqualTo(200);

        assertThat(store().head(key)).hasValue(new BlobStore.StoredBlob(bytes.length, "application/pdf"));
        assertThat(store().firstBytes(key, 512)).isEqualTo(Arrays.copyOf(bytes, 512));
        HttpResponse<byte[]> download = get(store().presignDownload(key, "application/pdf", DISPOSITION, Duration.ofSeconds(60)).url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(DISPOSITION);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    }

    @Test
    void bytesTheServiceStoresItselfReadBackIdenticalReplaceWhatWasThereAndDownloadLikeUploads() throws java.io.IOException {
        ObjectKey key = ObjectKey.random();
        assertThat(store().read(key)).isEmpty();
        store().store(key, "application/zip", 3, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
        byte[] bytes = bytes(150_000);
        store().store(key, "application/zip", bytes.length, new java.io.ByteArrayInputStream(bytes));

        assertThat(store().head(key)).hasValue(new BlobStore.StoredBlob(bytes.length, "application/zip"));
        try (java.io.InputStream in = store().read(key).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        HttpResponse<byte[]> download = get(store().presignDownload(key, "application/zip", DISPOSITION, Duration.ofSeconds(60)).url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        store().delete(key);
        assertThat(store().read(key)).isEmpty();
    }

    @Test
    void urlsLiveAsLongAsAsked() {
        ObjectKey key = ObjectKey.random();
        BlobStore.PresignedUpload upload = store().presignUpload(key, "text/plain", 3, Duration.ofMinutes(15));
        BlobStore.PresignedDownload download = store().presignDownload(key, "text/plain", DISPOSITION, Duration.ofSeconds(60));

        assertThat(Duration.between(java.time.Instant.now(), upload.expiresAt())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(download.expiresAt()).isBefore(upload.expiresAt());
        assertThat(upload.headers()).containsEntry("Content-Type", "text/plain");
        assertThat(upload.url().toString()).doesNotContainIgnoringCase("Exame");
    }

    @Test
    void aPutOfAnotherTypeOrLengthIsRefusedAndStoresNothing() {
        ObjectKey key = ObjectKey.random();
        byte[] bytes = bytes(1_000);
        BlobStore.PresignedUpload upload = store().presignUpload(key, "image/png", bytes.length, Duration.ofMinutes(15));

        assertThat(put(upload.url(), "image/jpeg", upload, bytes).statusCode()).isBetween(400, 499);
        assertThat(put(upload.url(), "image/png", upload, Arrays.copyOf(bytes, 999)).statusCode()).isBetween(400, 499);
        assertThat(put(upload.url(), "image/png", upload, Arrays.copyOf(bytes, 1_001)).statusCode()).isBetween(400, 499);
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    void aTamperedOrExpiredDownloadUrlIsRefused() {
        ObjectKey key = stored(bytes(100));
        URI valid = store().presignDownload(key, "text/plain", DISPOSITION, Duration.ofSeconds(60)).url();

        assertThat(get(tamperedSignature(valid)).statusCode()).isEqualTo(403);
        assertThat(get(URI.create(valid.toString().replace(key.value(), ObjectKey.random().value()))).statusCode()).isEqualTo(403);
        assertThat(get(valid).statusCode()).isEqualTo(200);
        assertThat(get(expiredDownloadUrl(key, "text/plain", DISPOSITION)).statusCode()).isEqualTo(403);
    }

    @Test
    void aTamperedUploadUrlIsRefused() {
        ObjectKey key = ObjectKey.random();
        byte[] bytes = bytes(100);
        BlobStore.PresignedUpload upload = store().presignUpload(key, "text/plain", bytes.length, Duration.ofMinutes(15));
        URI otherKey = URI.create(upload.url().toString().replace(key.value(), ObjectKey.random().value()));

        assertThat(put(otherKey, "text/plain", upload, bytes).statusCode()).isEqualTo(403);
    }

    @Test
    void firstBytesOfAShortObjectAreAllItsBytes() {
        byte[] bytes = bytes(10);
        assertThat(store().firstBytes(stored(bytes), 512)).isEqualTo(bytes);
    }

    @Test
    void aDeletedObjectIsGoneAndDeletingNothingIsFine() {
        ObjectKey key = stored(bytes(100));
        URI download = store().presignDownload(key, "text/plain", DISPOSITION, Duration.ofSeconds(60)).url();

        store().delete(key);
        store().delete(ObjectKey.random());

        assertThat(store().head(key)).isEmpty();
        assertThat(get(download).statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectThatIsNotThereHasNoScanVerdict() {
        assertThat(store().scanStatus(ObjectKey.random())).isEqualTo(ScanStatus.PENDING_SCAN);
    }

    /** The URL with the first character of its signature changed (to another one: never a no-op). */
    private static URI tamperedSignature(URI url) {
        java.util.regex.Matcher signature = java.util.regex.Pattern.compile("(?i)signature=(.)").matcher(url.toString());
        assertThat(signature.find()).isTrue();
        String replacement = signature.group(1).equals("0") ? "1" : "0";
        return URI.create(url.toString().substring(0, signature.start(1)) + replacement + url.toString().substring(signature.end(1)));
    }

    protected ObjectKey stored(byte[] bytes) {
        ObjectKey key = ObjectKey.random();
        assertThat(put(store().presignUpload(key, "text/plain", bytes.length, Duration.ofMinutes(15)), bytes).statusCode()).isEqualTo(200);
        return key;
    }

    private static HttpResponse<String> put(BlobStore.PresignedUpload upload, byte[] body) {
        return PlainHttp.put(upload.url(), upload.headers(), body);
    }

    /** A PUT with the upload's headers, but Content-Type replaced by {@code contentType}. */
    private static HttpResponse<String> put(URI url, String contentType, BlobStore.PresignedUpload upload, byte[] body) {
        Map<String, String> headers = new HashMap<>(upload.headers());
        headers.put("Content-Type", contentType);
        return PlainHttp.put(url, headers, body);
    }

    private static HttpResponse<byte[]> get(URI url) {
        return PlainHttp.get(url);
    }

    protected static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
