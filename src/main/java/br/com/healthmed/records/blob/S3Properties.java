package br.com.healthmed.records.blob;

import br.com.healthmed.platform.storage.GuardProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.s3.*}, used with {@code healthmed.blob-store=s3}.
 *
 * @param bucket   the bucket holding record files (required)
 * @param region   its region
 * @param kmsKeyId the KMS key (id, ARN or alias) objects are encrypted with; without one, S3 uses the
 *                 account's default {@code aws/s3} KMS key
 * @param endpoint an S3-compatible engine's URL (local runs, tests); unset in AWS
 * @param maxConnections        the connection pool, and so the calls that may run at once
 * @param apiCallTimeout        the longest a metadata call (HEAD, a range read of the first bytes, tagging, a
 *                              delete) may take, all its retries included: S3 answers those in tens of
 *                              milliseconds, so a second means S3 is in trouble
 * @param apiCallAttemptTimeout the longest one attempt of such a call may take before it is retried
 * @param transferTimeout       the bound of a call that moves a file's bytes (an object stored or read whole by
 *                              the service), attempts and call alike: 50 MB needs seconds, not milliseconds
 * @param guard                 load shedding and circuit breaking for S3, apart from DynamoDB's
 */
@ConfigurationProperties("healthmed.s3")
public record S3Properties(String bucket, @DefaultValue("sa-east-1") String region, String kmsKeyId, URI endpoint,
                           @DefaultValue("100") int maxConnections,
                           @DefaultValue("PT1S") Duration apiCallTimeout,
                           @DefaultValue("PT0.5S") Duration apiCallAttemptTimeout,
                           @DefaultValue("PT30S") Duration transferTimeout,
                           @DefaultValue GuardProperties guard) {

    boolean hasKmsKey() {
        return kmsKeyId != null && !kmsKeyId.isBlank();
    }
}
