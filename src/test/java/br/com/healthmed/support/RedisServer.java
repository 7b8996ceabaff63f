package br.com.healthmed.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real Redis for tests: Debian's {@code redis-server} ({@code scripts/test} installs it), started
 * once per test JVM on a free loopback port, in memory only ({@code --save '' --appendonly no}), in
 * the foreground, and destroyed when the JVM exits. Like {@link Dynalite}, tests share the one
 * server; they keep apart by using channel prefixes of their own.
 */
public final class RedisServer {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private static int port;
    private static StatefulRedisConnection<String, String> client;

    private RedisServer() {}

    /** The port of the running server, starting it on first use. */
    public static synchronized int port() {
        if (port == 0) {
            port = start();
        }
        return port;
    }

    public static String host() {
        return "127.0.0.1";
    }

    /** How many connections are subscribed to this channel (PUBSUB NUMSUB). */
    public static long subscribers(String channel) {
        Map<String, Long> counts = connection().sync().pubsubNumsub(channel);
        return counts.getOrDefault(channel, 0L);
    }

    /** Publishes a raw message, as any Redis client could. */
    public static void publish(String channel, String message) {
        connection().sync().publish(channel, message);
    }

    private static synchronized StatefulRedisConnection<String, String> connection() {
        if (client == null) {
            RedisClient redis = RedisClient.create(RedisURI.create(host(), port()));
            client = redis.connect();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::shutdown));
        }
        return client;
    }

    private static int start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/test, or apt-get install -y redis-server");
        }
        int free = freePort();
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(free), "--bind", host(),
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitForPort(free, process);
            return free;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForPort(int port, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("redis-server did not open port " + port + " within 30 s");
    }
}
