package br.com.healthmed.support;

import br.com.healthmed.platform.storage.DynamoTable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite, the DynamoDB-compatible engine (npm), started once per test JVM on a free loopback port,
 * in memory, and stopped when the JVM exits. Installed into {@code .engines/} with npm if missing
 * ({@code scripts/test} installs it beforehand; this makes a bare {@code mvn verify} work too).
 * Each test gets its own table, so tests never see each other's items.
 */
public final class Dynalite {

    private static final String VERSION = "4.0.0";
    private static final Path ENGINES = Path.of(".engines").toAbsolutePath();
    private static final Path BINARY = ENGINES.resolve("node_modules/.bin/dynalite");

    private static URI endpoint;
    private static DynamoDbClient client;

    private Dynalite() {}

    /** The endpoint of the running engine, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.SA_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClientBuilder(ApacheHttpClient.builder().maxConnections(256))
                    .build();
        }
        return client;
    }

    /** A new, empty table with the production key schema. */
    public static DynamoTable newTable() {
        return new DynamoTable(client(), "test-" + UUID.randomUUID()).createIfMissing();
    }

    private static URI start() {
        installIfMissing();
        int port = freePort();
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitForPort(port, process);
            return URI.create("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start dynalite at " + BINARY, e);
        }
    }

    private static void installIfMissing() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        try {
            Process npm = new ProcessBuilder(List.of("npm", "install", "--no-save", "--no-package-lock", "--no-audit",
                    "--no-fund", "--prefix", ENGINES.toString(), "dynalite@" + VERSION))
                    .directory(new File("."))
                    .inheritIO()
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(BINARY)) {
                throw new IllegalStateException("npm could not install dynalite@" + VERSION + " into " + ENGINES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npm is needed to install dynalite (run scripts/test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForPort(int port, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("dynalite did not open port " + port + " within 30 s");
    }
}
