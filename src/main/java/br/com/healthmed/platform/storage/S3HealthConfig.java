package br.com.healthmed.platform.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** With {@code healthmed.blob-store=s3}: the bucket joins the readiness group, checked through the records' S3 client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "healthmed.blob-store", havingValue = "s3")
class S3HealthConfig {

    @Bean
    HealthIndicator s3HealthIndicator(S3Client s3, @Value("${healthmed.s3.bucket}") String bucket) {
        return new S3BucketHealthIndicator(s3, bucket);
    }
}
