package br.com.healthmed.platform.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Readiness of the health-record bucket ({@code s3} in {@code /actuator/health/readiness}): a
 * {@code HeadBucket}, which S3 answers only when the bucket exists and the role may list it (the
 * IAM policy's {@code s3:ListBucket} on this bucket; listing is what makes a missing upload a 404
 * rather than a 403 as well).
 */
class S3BucketHealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;
    private final String bucket;

    S3BucketHealthIndicator(S3Client s3, String bucket) {
        super("S3 bucket check failed");
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        s3.headBucket(b -> b.bucket(bucket));
        builder.up();
    }
}
