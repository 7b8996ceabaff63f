package br.com.healthmed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notices when the client of a GraphQL request over HTTP closes its connection while the request is
 * still running, and marks the request's {@link ClientConnection} gone, so that its remaining fields
 * are not fetched (the request budget's check before each field fetch reads it).
 *
 * <p>Why this way: the request runs on the servlet thread that read it, and neither that thread nor
 * Tomcat looks at the socket again before the answer is written — Tomcat's poller does not watch a
 * connection whose request is being processed, not even one in async mode (tried on Tomcat 11.0.22:
 * a client closing an async request's connection fires no {@code AsyncListener.onError}; only the
 * async timeout ends it). The kernel does know: a connection whose client has closed it leaves the
 * ESTABLISHED state (CLOSE_WAIT once the client's FIN arrived; gone from the table after a reset). So
 * a watcher thread reads Linux's connection tables ({@code /proc/net/tcp} and {@code tcp6}, the
 * process's own network namespace, i.e. the pod's) for the requests that have been running longer
 * than the check interval, and only then: a quick request costs one entry in a set. A connection must be
 * missing from {@value #MISSES_TO_BE_GONE} reads in a row, since one read can skip a live one.
 *
 * <p>Bounded: a table read costs time in proportion to the connections held (about a millisecond
 * per few thousand), so the watcher waits at least ten times its last read before the next one and
 * never takes more than about a tenth of a core. Where the tables cannot be read (not Linux) nothing
 * is marked, and the request budget alone bounds an abandoned request, as before. A client that
 * half-closes its side after sending (rare over HTTP/1.1) is taken for gone. Behind a proxy, what is
 * seen is the proxy's connection, closed when the proxy gives up on its client.
 */
@Component
class AbandonedRequests extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);
    private static final String PATH = "/graphql";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    /**
     * A request being watched: its connection as the kernel's table names it, since when it runs, and how
     * many table reads in a row have not found its connection established.
     */
    private record Watched(String key, int localPort, long since, ClientConnection connection, AtomicInteger misses) {}

    /**
     * Reads in a row that must miss a connection before its request is taken for abandoned. The kernel
     * prints the table in chunks while connections come and go, so one read can skip a live connection
     * (seen as healthy registrations answered {@code REQUEST_ABANDONED} on a busy test machine); a closed
     * connection stays missing, and is found one interval later.
     */
    static final int MISSES_TO_BE_GONE = 2;

    private final Set<Watched> running = ConcurrentHashMap.newKeySet();
    private final long intervalNanos;
    private final ScheduledExecutorService watcher;
    private volatile boolean tablesReadable = true;
    /** How many times the tables have been read: lets a test wait until a running request was looked at. */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    AbandonedRequests(@Value("${healthmed.web.abandoned-check-interval:25ms}") Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "abandoned-requests");
            thread.setDaemon(true);
            return thread;
        });
        watcher.schedule(this::watch, intervalNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // POST and GET queries; not a WebSocket upgrade, whose connection outlives the request
        boolean get = HttpMethod.GET.matches(request.getMethod()) && request.getHeader("Upgrade") == null;
        return !PATH.equals(request.getRequestURI()) || !(HttpMethod.POST.matches(request.getMethod()) || get);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientConnection connection = new ClientConnection();
        request.setAttribute(ClientConnection.ATTRIBUTE, connection);
        String key = tablesReadable ? key(request.getRemoteAddr(), request.getRemotePort(), request.getLocalPort()) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Watched watched = new Watched(key, request.getLocalPort(), System.nanoTime(), connection, new AtomicInteger());
        running.add(watched);
        try {
            chain.doFilter(request, response);
        } finally {
            running.remove(watched);
        }
    }

    long tableReads() {
        return reads.get();
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    private void watch() {
        long delay = intervalNanos;
        try {
            long started = System.nanoTime();
            if (check(started)) {
                delay = Math.max(intervalNanos, 10 * (System.nanoTime() - started));
            }
        } catch (RuntimeException unexpected) {
            log.warn("Watching for abandoned requests failed: {}", unexpected.toString());
        } finally {
            if (!watcher.isShutdown()) {
                watcher.schedule(this::watch, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Marks gone each request running longer than the interval whose connection is no longer established; whether it read the tables. */
    private boolean check(long now) {
        Map<String, Watched> due = new HashMap<>();
        Set<Integer> localPorts = new HashSet<>();
        for (Watched watched : running) {
            if (now - watched.since() >= intervalNanos && !watched.connection().isGone()) {
                due.put(watched.key(), watched);
                localPorts.add(watched.localPort());
            }
        }
        if (due.isEmpty() || !tablesReadable) {
            return false;
        }
        Set<String> established = new HashSet<>();
        boolean readAny = false;
        for (Path table : TABLES) {
            readAny |= readEstablished(table, localPorts, due.keySet(), established);
        }
        if (!readAny) {
            tablesReadable = false;
            running.clear();
            log.info("No TCP connection table readable here (/proc/net/tcp): abandoned requests end at their budget");
            return false;
        }
        due.forEach((key, watched) -> {
            if (established.contains(key)) {
                watched.misses().set(0);
            } else if (watched.misses().incrementAndGet() >= MISSES_TO_BE_GONE) {
                watched.connection().markGone();
            }
        });
        reads.incrementAndGet();
        return true;
    }

    /** Adds to {@code established} the keys among {@code wanted} of the table's established connections; whether it could be read. */
    private static boolean readEstablished(Path table, Set<Integer> localPorts, Set<String> wanted, Set<String> established) {
        try (BufferedReader lines = Files.newBufferedReader(table)) {
            lines.readLine(); // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // "  12: 0100007F:1F90 0100007F:C350 01 ...": number, local, remote, state
                String[] fields = line.trim().split("\\s+", 5);
                if (fields.length < 4 || !ESTABLISHED.equals(fields[3])) {
                    continue;
                }
                int localPort = port(fields[1]);
                if (!localPorts.contains(localPort)) {
                    continue;
                }
                int colon = fields[2].indexOf(':');
                String key = key(kernelAddress(fields[2].substring(0, colon)), port(fields[2]), localPort);
                if (wanted.contains(key)) {
                    established.add(key);
                }
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static int port(String hexAddressAndPort) {
        return Integer.parseInt(hexAddressAndPort.substring(hexAddressAndPort.indexOf(':') + 1), 16);
    }

    /** The kernel prints an address as 32-bit words in the host's byte order (little-endian on x86 and arm64). */
    static byte[] kernelAddress(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return bytes;
    }

    /** One name for a connection, whether the kernel lists it as IPv4 or as IPv4 mapped into IPv6; null if unreadable. */
    static @Nullable String key(String remoteAddress, int remotePort, int localPort) {
        try {
            return key(InetAddress.getByName(remoteAddress).getAddress(), remotePort, localPort);
        } catch (UnknownHostException | SecurityException unreadable) {
            return null;
        }
    }

    private static @Nullable String key(byte[] address, int remotePort, int localPort) {
        try {
            // getByAddress turns an IPv4-mapped IPv6 address into the IPv4 one
            byte[] normal = InetAddress.getByAddress(address).getAddress();
            return HexFormat.of().formatHex(normal) + ":" + remotePort + ">" + localPort;
        } catch (UnknownHostException wrongLength) {
            return null;
        }
    }
}
