package br.com.healthmed.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on a loopback port in front of a test engine (dynalite, s3proxy) that fails requests the way
 * DynamoDB does when it is in trouble (S3 clients take the 500s and stalls alike): a 500, a throttling answer, or no answer in time. Faults are
 * chosen by the test: for every request, or for the next few only. Counts what reached it, so a test
 * can tell that a circuit breaker stopped calling.
 */
public final class FaultyProxy implements AutoCloseable {

    /** How DynamoDB answers a request it will not serve now; the SDK retries each of these. */
    public enum Fault {
        SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error"),
        THROTTLED(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded."),
        /** No answer for longer than any client waits. */
        STALL(0, "", "");

        final int status;
        final String type;
        final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }
    }

    /** Headers the JDK client sets itself (or refuses to be given). */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Duration STALL_FOR = Duration.ofSeconds(5);

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile Fault always;
    private volatile boolean dropHeadLength;
    private final AtomicInteger nextFaults = new AtomicInteger();
    private volatile Fault nextFault;

    private FaultyProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "faulty-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static FaultyProxy in(URI target) {
        return new FaultyProxy(target);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request fails this way until {@link #heal()}. */
    public void failEvery(Fault fault) {
        always = fault;
    }

    /** The next {@code count} requests fail this way, the ones after pass. */
    public void failNext(int count, Fault fault) {
        nextFault = fault;
        nextFaults.set(count);
    }

    /** From now on (until {@link #heal}), HEAD answers lose their Content-Length, as a broken proxy's would. */
    public void dropHeadContentLength() {
        dropHeadLength = true;
    }

    public void heal() {
        dropHeadLength = false;
        always = null;
        nextFaults.set(0);
    }

    /** Requests that reached the proxy so far. */
    public int received() {
        return received.get();
    }

    /** Requests the proxy failed so far. */
    public int faulted() {
        return faulted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Fault fault = always != null ? always : nextFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? nextFault : null;
            if (fault != null) {
                faulted.incrementAndGet();
                answerWith(fault, exchange);
                return;
            }
            forward(exchange, body);
        }
    }

    private void answerWith(Fault fault, HttpExchange exchange) throws IOException {
        if (fault == Fault.STALL) {
            try {
                Thread.sleep(STALL_FOR.toMillis()); // the client gives up first; then the connection closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        byte[] answer = ("{\"__type\":\"" + fault.type + "\",\"message\":\"" + fault.message + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.type.substring(fault.type.indexOf('#') + 1));
        exchange.sendResponseHeaders(fault.status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        response.headers().map().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(java.util.Locale.ROOT);
            // A HEAD's Content-Length is what it answers (S3: the object's size), not a body's framing.
            boolean headLength = head && lowerCase.equals("content-length") && !dropHeadLength;
            if ((headLength || !HOP_BY_HOP.contains(lowerCase)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
