package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A client that closes its connection while its request runs: the fields not yet fetched are not
 * fetched. The request asks for the same public field 40 times (aliases); a test instrumentation
 * counts the fetches that really run and holds the third one until something happens — the
 * connection seen gone, or (for a client that stays) two reads of the connection tables — so what
 * is measured is a count of fetches, not a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AbandonedRequestsTest.SlowConsent.class)
class AbandonedRequestsTest {

    private static final int ALIASES = 40;
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    SlowConsent slow;

    @Autowired
    AbandonedRequests abandoned;

    @BeforeEach
    void reset() {
        slow.reset();
    }

    @Test
    void whenTheClientClosesTheConnectionNoFurtherFieldIsFetched() throws Exception {
        slow.holdThirdUntil(() -> slow.connection().isGone());
        try (Socket client = send()) {
            assertThat(slow.third.await(30, TimeUnit.SECONDS)).as("third fetch reached").isTrue();
        } // closed while the third fetch is held
        int fetchedAtClose = slow.fetched.get();

        assertThat(slow.ended.await(30, TimeUnit.SECONDS)).as("the request ended after its client left").isTrue();
        assertThat(slow.connection().isGone()).isTrue();
        assertThat(slow.fetched.get()).as("fetches after the client closed").isEqualTo(fetchedAtClose).isEqualTo(3);
    }

    @Test
    void aClientThatStaysGetsEveryFieldAlthoughItsRequestWasLookedAt() throws Exception {
        long readsBefore = abandoned.tableReads();
        slow.holdThirdUntil(() -> abandoned.tableReads() >= readsBefore + 2);
        try (Socket client = send()) {
            String answer = readAnswer(client);

            assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("\"errors\"");
            assertThat(abandoned.tableReads()).isGreaterThanOrEqualTo(readsBefore + 2);
            assertThat(slow.fetched.get()).isEqualTo(ALIASES);
            assertThat(slow.connection().isGone()).isFalse();
        }
    }

    private Socket send() throws IOException {
        String query = IntStream.rangeClosed(1, ALIASES).mapToObj(i -> "c" + i + ": teleconsultationConsent { version }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        byte[] body = ("{\"query\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8);
        Socket client = new Socket("127.0.0.1", port);
        OutputStream out = client.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return client;
    }

    private static String readAnswer(Socket client) throws IOException {
        client.setSoTimeout(60_000);
        InputStream in = client.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer); // Connection: close, so the answer ends with the stream
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Counts the {@code teleconsultationConsent} fetches that run and holds the third; tells when an execution ended. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowConsent extends SimplePerformantInstrumentation {
        final AtomicInteger fetched = new AtomicInteger();
        final AtomicReference<ClientConnection> connection = new AtomicReference<>();
        volatile CountDownLatch third = new CountDownLatch(1);
        volatile CountDownLatch ended = new CountDownLatch(1);
        private volatile BooleanSupplier release = () -> true;

        void reset() {
            fetched.set(0);
            connection.set(null);
            third = new CountDownLatch(1);
            ended = new CountDownLatch(1);
        }

        void holdThirdUntil(BooleanSupplier condition) {
            release = condition;
        }

        ClientConnection connection() {
            return connection.get();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> ended.countDown());
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            if (!"teleconsultationConsent".equals(parameters.getField().getName())) {
                return fetcher;
            }
            return environment -> {
                connection.compareAndSet(null, environment.getGraphQlContext().get(ClientConnection.CONTEXT_KEY));
                if (fetched.incrementAndGet() == 3) {
                    third.countDown();
                    long deadline = System.nanoTime() + HOLD_AT_MOST.toNanos();
                    while (!release.getAsBoolean() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // waiting for an event, not timing
                    }
                }
                return fetcher.get(environment);
            };
        }
    }
}
