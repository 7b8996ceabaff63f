package br.com.healthmed.records.blob;

import br.com.healthmed.platform.storage.StorageGuard;
import br.com.healthmed.records.BlobStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Chooses the blob store by {@code healthmed.blob-store}: {@code local} (the default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfig {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "healthmed.blob-store", havingValue = "local", matchIfMissing = true)
    static class Local {

        @Bean
        LocalBlobStore blobStore(LocalBlobProperties properties, Clock clock, Environment environment) {
            return new LocalBlobStore(LocalBlobFolder.open(properties), clock,
                    () -> properties.baseUrl() != null ? properties.baseUrl()
                            : "http://localhost:" + environment.getProperty("local.server.port",
                                    environment.getProperty("server.port", "8080")));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "healthmed.blob-store", havingValue = "s3")
    static class S3 {

        /** S3's own guard: an S3 outage opens this breaker, not DynamoDB's, and the other way round. */
        @Bean
        StorageGuard s3Guard(S3Properties properties) {
            return properties.guard().guard("s3", properties.maxConnections(), properties.apiCallTimeout());
        }

        @Bean(destroyMethod = "close")
        S3Client s3Client(S3Properties properties, StorageGuard s3Guard) {
            var builder = S3Client.builder()
                    .region(Region.of(properties.region()))
                    .credentialsProvider(credentials(properties))
                    .httpClientBuilder(ApacheHttpClient.builder().maxConnections(properties.maxConnections()))
                    // A slow S3 must not hold a request thread: metadata calls are bounded well under the SDK's
                    // defaults (none at all for a call), transfers get their own bound per request (S3BlobStore),
                    // and the guard sheds calls beyond the pool and stops calling a failing S3 for a while.
                    .overrideConfiguration(o -> o.apiCallTimeout(properties.apiCallTimeout())
                            .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                            .addExecutionInterceptor(s3Guard));
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint()).forcePathStyle(true);
            }
            return builder.build();
        }

        @Bean(destroyMethod = "close")
        S3Presigner s3Presigner(S3Properties properties) {
            var builder = S3Presigner.builder()
                    .region(Region.of(properties.region()))
                    .credentialsProvider(credentials(properties));
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint())
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
            }
            return builder.build();
        }

        @Bean
        BlobStore blobStore(S3Client s3, S3Presigner presigner, S3Properties properties) {
            if (properties.bucket() == null || properties.bucket().isBlank()) {
                throw new IllegalStateException("healthmed.blob-store=s3 needs healthmed.s3.bucket (HEALTHMED_S3_BUCKET)");
            }
            return new S3BlobStore(s3, presigner, properties);
        }

        /** A local S3-compatible engine (tests, s3proxy) accepts fixed credentials; AWS gets the default chain. */
        private static AwsCredentialsProvider credentials(S3Properties properties) {
            return properties.endpoint() != null
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                    : DefaultCredentialsProvider.builder().build();
        }
    }
}
