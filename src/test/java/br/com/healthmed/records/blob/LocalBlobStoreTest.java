package br.com.healthmed.records.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.records.BlobStore;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The embedded blob store with its URLs served over real HTTP by a minimal web application (the
 * store's controller only), on a folder of its own; the clock is the test's.
 */
class LocalBlobStoreTest extends BlobStoreContract {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static Path folder;
    private static ConfigurableApplicationContext server;
    private static LocalBlobStore store;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
    @Import(LocalBlobController.class)
    static class BlobServer {
        @Bean
        LocalBlobStore localBlobStore(org.springframework.core.env.Environment environment) {
            return new LocalBlobStore(LocalBlobFolder.open(new LocalBlobProperties(folder, null, null)), CLOCK,
                    () -> "http://localhost:" + environment.getProperty("local.server.port"));
        }
    }

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("local-blobs");
        server = new SpringApplicationBuilder(BlobServer.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "healthmed.blob-store=local")
                .run();
        store = server.getBean(LocalBlobStore.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected URI expiredDownloadUrl(ObjectKey key, String contentType, String disposition) {
        URI url = store.presignDownload(key, contentType, disposition, Duration.ofSeconds(60)).url();
        CLOCK.advance(Duration.ofSeconds(60));
        return url;
    }

    @Test
    void withNoScannerEveryStoredFileIsClean() {
        assertThat(store.scanStatus(stored(bytes(100)))).isEqualTo(ScanStatus.CLEAN);
    }

    @Test
    void filesAreEncryptedAtRestAndReadableByANewInstanceOnTheSameFolder() throws IOException {
        byte[] text = "Hemoglobina glicada 5,4% — paciente em jejum".repeat(3_000).getBytes(StandardCharsets.UTF_8);
        ObjectKey key = ObjectKey.random();
        store.write(key, "text/plain", text.length, new ByteArrayInputStream(text));

        byte[] onDisk = Files.readAllBytes(folder.resolve("objects").resolve(key.value()));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("Hemoglobina");

        LocalBlobStore restarted = new LocalBlobStore(LocalBlobFolder.open(new LocalBlobProperties(folder, null, null)), CLOCK,
                () -> "http://localhost");
        assertThat(restarted.firstBytes(key, text.length)).isEqualTo(text);
    }

    @Test
    void aFileAlteredOnDiskOrMovedToAnotherKeyIsNotRead() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(1).nextBytes(bytes);
        ObjectKey key = ObjectKey.random();
        store.write(key, "application/pdf", bytes.length, new ByteArrayInputStream(bytes));
        Path file = folder.resolve("objects").resolve(key.value());

        ObjectKey moved = ObjectKey.random();
        Files.copy(file, folder.resolve("objects").resolve(moved.value()));
        assertThatThrownBy(() -> store.firstBytes(moved, 10)).isInstanceOf(UncheckedIOException.class);

        byte[] altered = Files.readAllBytes(file);
        altered[altered.length / 3] ^= 1;
        Files.write(file, altered);
        assertThatThrownBy(() -> store.firstBytes(key, 10)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anUploadLongerThanSignedIsRefusedAndLeavesNoFile() throws IOException {
        ObjectKey key = ObjectKey.random();
        assertThatThrownBy(() -> store.write(key, "text/plain", 10, new ByteArrayInputStream(new byte[11])))
                .isInstanceOf(SealedBlobs.LengthMismatchException.class);
        assertThat(store.head(key)).isEmpty();
        try (var files = Files.list(folder.resolve("objects"))) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith(key.value()))).isEmpty();
        }
    }
}
