package br.com.healthmed.platform.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Health of the health-record bucket ({@code s3} in {@code /actuator/health}, not in readiness): a
 * {@code HeadBucket}, which S3 answers only when the bucket exists and the role may list it (the
 * IAM policy's {@code s3:ListBucket} on this bucket; listing is what makes a missing upload a 404
 * rather than a 403 as well), and the state of S3's breaker ({@code breaker}): DOWN at once while it is open.
 */
class S3BucketHealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;
    private final String bucket;
    private final Supplier<CircuitBreaker.State> breaker;

    S3BucketHealthIndicator(S3Client s3, String bucket, Supplier<CircuitBreaker.State> breaker) {
        super("S3 bucket check failed");
        this.s3 = s3;
        this.bucket = bucket;
        this.breaker = breaker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("breaker", String.valueOf(breaker.get()));
        s3.headBucket(b -> b.bucket(bucket));
        builder.up();
    }
}
