package br.com.healthmed.privacy;

import br.com.healthmed.support.DynaliteStorage;
import br.com.healthmed.support.InProcessS3;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The LGPD operations through the API on the production adapters: DynamoDB (dynalite) and S3
 * (s3proxy, checking signatures), where the copies are stored SSE-KMS and downloaded through presigned
 * URLs. GuardDuty is stood in for by tagging each upload clean right after its PUT.
 */
class DynamoPrivacyApiTest extends PrivacyApiContract {

    private static final String BUCKET = "healthmed-privacy-api";

    @DynamicPropertySource
    static void productionAdapters(DynamicPropertyRegistry registry) {
        DynaliteStorage.register(registry);
        registry.add("healthmed.blob-store", () -> "s3");
        registry.add("healthmed.s3.bucket", () -> InProcessS3.bucket(BUCKET));
        registry.add("healthmed.s3.kms-key-id", () -> "alias/healthmed-records");
        registry.add("healthmed.s3.endpoint", () -> InProcessS3.endpoint().toString());
    }

    @BeforeEach
    void guardDutyScansEveryUpload() {
        InProcessS3.scanOnUpload(BUCKET, Optional.of("NO_THREATS_FOUND"));
    }
}
