package br.com.healthmed.records.blob;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.ScanStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Record files on Amazon S3. Upload URLs sign the content type, the exact length and the SSE-KMS
 * headers (the configured key, S3 Bucket Keys on), so S3 refuses a PUT with another type, size or
 * encryption. Download URLs fix {@code Content-Type} and {@code Content-Disposition} through the
 * signed {@code response-*} parameters. Keys are {@code records/<random hex>}. The malware verdict is
 * the object's GuardDuty scan tag.
 */
class S3BlobStore implements BlobStore {

    private static final String PREFIX = "records/";
    /** The tag GuardDuty Malware Protection for S3 writes its result to. */
    static final String SCAN_TAG = "GuardDutyMalwareScanStatus";
    /** Sent by every HTTP client on its own (browsers even refuse to set them). */
    private static final Set<String> AUTOMATIC_HEADERS = Set.of("host", "content-length");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Properties properties;

    S3BlobStore(S3Client s3, S3Presigner presigner, S3Properties properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.properties = properties;
    }

    @Override
    public PresignedUpload presignUpload(ObjectKey key, String contentType, long sizeBytes, Duration validFor) {
        PutObjectRequest put = encryptedPut(key, contentType, sizeBytes);
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(validFor).putObjectRequest(put));
        Map<String, String> headers = new TreeMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!AUTOMATIC_HEADERS.contains(lowerCase)) {
                headers.put(lowerCase.equals("content-type") ? "Content-Type" : name, String.join(",", values));
            }
        });
        return new PresignedUpload(toUri(signed.url()), headers, signed.expiration());
    }

    @Override
    public Optional<StoredBlob> head(ObjectKey key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(properties.bucket()).key(PREFIX + key.value()));
            if (head.contentLength() == null) {
                // S3 always sends it; a HEAD without it (a proxy in between, a broken answer) is S3 not answering
                // properly: retryable STORAGE_UNAVAILABLE, not an unboxing NullPointerException (INTERNAL_ERROR).
                throw SdkClientException.create("S3 answered HEAD of an object without its Content-Length");
            }
            return Optional.of(new StoredBlob(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] firstBytes(ObjectKey key, int count) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(properties.bucket())
                    .key(PREFIX + key.value()).range("bytes=0-" + (count - 1)));
            return bytes.asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return new byte[0]; // an empty object has no byte 0
            }
            throw e;
        }
    }

    @Override
    public PresignedDownload presignDownload(ObjectKey key, String contentType, String contentDisposition, Duration validFor) {
        PresignedGetObjectRequest signed = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(properties.bucket()).key(PREFIX + key.value())
                        .responseContentType(contentType)
                        .responseContentDisposition(contentDisposition)));
        return new PresignedDownload(toUri(signed.url()), signed.expiration());
    }

    /**
     * The {@code GuardDutyMalwareScanStatus} tag GuardDuty Malware Protection for S3 puts on each object
     * it scanned (one GetObjectTagging; the records module keeps final verdicts, so a clean file is
     * asked about once). No tag yet is a scan still to come.
     */
    @Override
    public ScanStatus scanStatus(ObjectKey key) {
        try {
            return s3.getObjectTagging(b -> b.bucket(properties.bucket()).key(PREFIX + key.value())).tagSet().stream()
                    .filter(tag -> SCAN_TAG.equals(tag.key())).findFirst()
                    .map(tag -> verdict(tag.value())).orElse(ScanStatus.PENDING_SCAN);
        } catch (NoSuchKeyException absent) {
            return ScanStatus.PENDING_SCAN;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return ScanStatus.PENDING_SCAN;
            }
            throw e;
        }
    }

    /** GuardDuty's values; one it may add later is not trusted. */
    static ScanStatus verdict(String tagValue) {
        return switch (tagValue) {
            case "NO_THREATS_FOUND" -> ScanStatus.CLEAN;
            case "THREATS_FOUND" -> ScanStatus.MALWARE_DETECTED;
            case "UNSUPPORTED" -> ScanStatus.NOT_SCANNABLE;
            default -> ScanStatus.SCAN_FAILED; // ACCESS_DENIED, FAILED, or unknown
        };
    }

    @Override
    public void store(ObjectKey key, String contentType, long sizeBytes, InputStream body) {
        s3.putObject(encryptedPut(key, contentType, sizeBytes).toBuilder().overrideConfiguration(this::transfer).build(),
                RequestBody.fromInputStream(body, sizeBytes));
    }

    /** A PUT of the object under its key, encrypted with KMS (the configured key, or the bucket's), as every object here is. */
    private PutObjectRequest encryptedPut(ObjectKey key, String contentType, long sizeBytes) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(properties.bucket()).key(PREFIX + key.value())
                .contentType(contentType).contentLength(sizeBytes)
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .bucketKeyEnabled(true);
        if (properties.hasKmsKey()) {
            put.ssekmsKeyId(properties.kmsKeyId());
        }
        return put.build();
    }

    @Override
    public Optional<InputStream> read(ObjectKey key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(properties.bucket()).key(PREFIX + key.value())
                    .overrideConfiguration(this::transfer)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A call moving a whole file's bytes: the transfer bound, not the metadata calls' second. */
    private void transfer(AwsRequestOverrideConfiguration.Builder override) {
        override.apiCallTimeout(properties.transferTimeout()).apiCallAttemptTimeout(properties.transferTimeout());
    }

    @Override
    public void delete(ObjectKey key) {
        s3.deleteObject(b -> b.bucket(properties.bucket()).key(PREFIX + key.value()));
    }

    private static java.net.URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("The SDK signed a URL that is not a URI", e);
        }
    }
}
