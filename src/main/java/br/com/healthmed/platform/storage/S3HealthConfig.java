package br.com.healthmed.platform.storage;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With {@code healthmed.blob-store=s3}: the bucket's health ({@code s3} in {@code /actuator/health}), checked
 * through the records' S3 client and so through S3's breaker. Not in the readiness group: an S3 outage is every
 * pod's at once, and what needs no S3 must keep being served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "healthmed.blob-store", havingValue = "s3")
class S3HealthConfig {

    @Bean
    HealthIndicator s3HealthIndicator(S3Client s3, @Value("${healthmed.s3.bucket}") String bucket,
                                      @Qualifier("s3Guard") StorageGuard guard) {
        return new S3BucketHealthIndicator(s3, bucket, guard::state);
    }
}
