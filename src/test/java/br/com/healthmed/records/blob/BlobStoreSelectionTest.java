package br.com.healthmed.records.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.records.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code healthmed.blob-store} picks the adapter; S3 without a bucket refuses to start and says why. */
class BlobStoreSelectionTest {

    /** Starts the application with {@code arguments} as command-line properties (above application.yml). */
    private static ConfigurableApplicationContext run(String... arguments) {
        return new SpringApplicationBuilder(HealthMedApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run(arguments);
    }

    @Test
    void byDefaultTheEmbeddedStoreServesItsOwnUrls() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(LocalBlobStore.class);
            assertThat(context.getBeansOfType(LocalBlobController.class)).hasSize(1);
            assertThat(context.getBeansOfType(S3Client.class)).isEmpty();
        }
    }

    @Test
    void withS3ThereIsAnS3ClientAndNoLocalUrls() {
        try (ConfigurableApplicationContext context = run("--healthmed.blob-store=s3", "--healthmed.s3.bucket=records",
                "--healthmed.s3.kms-key-id=alias/records")) {
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
            assertThat(context.getBeansOfType(S3Client.class)).hasSize(1);
            assertThat(context.getBeansOfType(LocalBlobController.class)).isEmpty();
        }
    }

    @Test
    void s3WithoutABucketDoesNotStart() {
        assertThatThrownBy(() -> run("--healthmed.blob-store=s3").close())
                .hasStackTraceContaining("healthmed.s3.bucket");
    }
}
