package br.com.healthmed.records.api;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.HealthRecordStore;
import br.com.healthmed.records.UploadSweeper;
import br.com.healthmed.support.Api;
import br.com.healthmed.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the records API tests share, and one Spring context per storage adapter for all of them: the service
 * with a clock the test moves, the embedded blob store in a temporary folder, small limits (600 KB files, a
 * 1 MB quota), access tokens that live a day (so that moving the clock hours ahead tests shares, not logins),
 * no scheduled sweep (tests sweep when they mean to), and the store behind {@link CrashingStore} (inactive
 * unless a test arms it). Each test gets a new patient.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "healthmed.security.jwt.access-token-ttl=P1D",
        "healthmed.records.max-file-size=600KB",
        "healthmed.records.quota-per-patient=1MB",
        // the tests sweep when they mean to; a scheduled sweep must not race them
        "healthmed.records.sweep-interval=P1D"})
@Import({RecordsApiHarness.MovableClock.class, CrashingStore.Installed.class})
abstract class RecordsApiHarness {

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @DynamicPropertySource
    static void blobFolder(DynamicPropertyRegistry registry) {
        registry.add("healthmed.records.local-blobs.directory", RecordsApiHarness::temporaryFolder);
    }

    private static String temporaryFolder() {
        try {
            return Files.createTempDirectory("healthmed-blobs").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    HealthRecordStore records;

    @Autowired
    BlobStore blobs;

    @Autowired
    UploadSweeper sweeper;

    RecordClient patient;

    @BeforeEach
    void logIn() {
        patient = RecordClient.patient(Api.at(port));
    }

    void advance(Duration duration) {
        ((MutableClock) clock).advance(duration);
    }

    /** The patient's {@code usedBytes} and {@code reservedBytes}, as {@code myRecord} answers them. */
    void assertUsage(long used, long reserved) {
        patient.document("myRecord").execute()
                .path("myRecord.usedBytes").entity(Long.class).isEqualTo(used)
                .path("myRecord.reservedBytes").entity(Long.class).isEqualTo(reserved);
    }
}
