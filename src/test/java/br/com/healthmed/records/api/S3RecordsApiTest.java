package br.com.healthmed.records.api;

import br.com.healthmed.support.InProcessS3;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The records API with {@code healthmed.blob-store=s3} against s3proxy (in-process, checking
 * signatures): clients go through exactly the same presigned-URL flow as with the embedded store.
 */
class S3RecordsApiTest extends RecordsApiContract {

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("healthmed.blob-store", () -> "s3");
        registry.add("healthmed.s3.bucket", () -> InProcessS3.bucket("healthmed-records-api"));
        registry.add("healthmed.s3.kms-key-id", () -> "alias/healthmed-records");
        registry.add("healthmed.s3.endpoint", () -> InProcessS3.endpoint().toString());
    }
}
