package br.com.healthmed.support;

import br.com.healthmed.platform.ratelimit.RedisRateCounters;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Redis for tests: Debian's {@code redis-server} ({@code scripts/test} installs it), started
 * once per test JVM on a free loopback port, in memory only ({@code --save '' --appendonly no}), in
 * the foreground, and destroyed when the JVM exits. Like {@link Dynalite}, tests share the one
 * server; they keep apart by using channel prefixes of their own.
 */
public final class RedisServer {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    /**
     * The rate counters' bounds for tests that are not about them: a loaded two-core machine can keep
     * Redis's answer past the production 250 ms, which would count a call locally and make a contract
     * test about the shared budget fail for no fault of the code.
     */
    public static final RedisRateCounters.Guard PATIENT_COUNTERS = new RedisRateCounters.Guard(Duration.ofSeconds(10), 16, 5,
            Duration.ofSeconds(5));

    private static int port;
    private static StatefulRedisConnection<String, String> client;

    private RedisServer() {}

    /** The port of the running server, starting it on first use. */
    public static synchronized int port() {
        if (port == 0) {
            port = startOwn().port();
        }
        return port;
    }

    /**
     * A redis-server of the caller's own, for a test that breaks it ({@link Own#pause}: SIGSTOP, as the
     * chaos suite does) without breaking the shared one for every other test. Close it when done.
     */
    public static Own startOwn() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/test, or apt-get install -y redis-server");
        }
        EngineProcess engine = EngineProcess.start("redis-server", free -> List.of(BINARY.toString(), "--port",
                Integer.toString(free), "--bind", host(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
        Own own = new Own(engine.process(), engine.port());
        // a test may leave it paused, and a stopped process ignores the plain destroy until continued
        Runtime.getRuntime().addShutdownHook(new Thread(own::close));
        return own;
    }

    /** One redis-server process; {@link #pause} stops it as a hung or blackholed Redis: connections stay open, nothing answers. */
    public record Own(Process process, int port) implements AutoCloseable {

        public void pause() {
            signal("STOP");
        }

        public void resume() {
            signal("CONT");
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                resume(); // a stopped process does not handle SIGTERM until continued
                process.destroy();
            }
        }

        private void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String host() {
        return EngineProcess.HOST;
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
}
