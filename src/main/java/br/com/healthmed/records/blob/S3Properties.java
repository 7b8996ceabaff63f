package br.com.healthmed.records.blob;

import java.net.URI;
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
 */
@ConfigurationProperties("healthmed.s3")
public record S3Properties(String bucket, @DefaultValue("sa-east-1") String region, String kmsKeyId, URI endpoint) {

    boolean hasKmsKey() {
        return kmsKeyId != null && !kmsKeyId.isBlank();
    }
}
