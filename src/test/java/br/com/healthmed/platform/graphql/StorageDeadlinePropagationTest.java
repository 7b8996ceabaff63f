package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.StorageDeadline;
import graphql.ExecutionResult;
import io.micrometer.context.ContextSnapshotFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import reactor.core.publisher.Flux;

/**
 * Where a request's storage deadline is in force: in the data fetchers and in the batch loaders (which
 * run after the fetchers that asked them, on whichever thread dispatches), over HTTP (put in force on the
 * request's thread, as the endpoint does) and over WebSocket (none on the thread: the instrumentation gives
 * the operation one, and a subscription a fresh one per event), and in a pool made {@link
 * StorageDeadline#propagating}. What each saw is recorded, not timed.
 */
class StorageDeadlinePropagationTest {

    private static final String SDL = """
            type Query { items: [Item] }
            type Subscription { items: Item }
            type Item { id: ID, direct: String, batched: String }
            """;
    private static final Duration DEADLINE = Duration.ofMillis(1500);

    private final StorageDeadline.Accessor inForce = new StorageDeadline.Accessor();
    private final Queue<Object> fetchersSaw = new ConcurrentLinkedQueue<>();
    private final Queue<Object> batchLoadersSaw = new ConcurrentLinkedQueue<>();
    private final DefaultExecutionGraphQlService service = service();

    @Test
    void overWebSocketTheOperationGetsADeadlineThatItsFetchersAndBatchLoadersShare() {
        assertThat(inForce.getValue()).isNull();
        execute("{ items { id direct batched } }", null);

        assertThat(fetchersSaw).hasSize(2).doesNotContain("none");
        assertThat(batchLoadersSaw).hasSize(1).doesNotContain("none");
        assertThat(fetchersSaw.peek()).isSameAs(batchLoadersSaw.peek());
        assertThat(inForce.getValue()).as("left on the calling thread").isNull();
    }

    @Test
    void overHttpTheDeadlinePutInForceByTheEndpointIsTheOneItsFetchersAndBatchLoadersSee() {
        StorageDeadline endpoints = StorageDeadline.after(DEADLINE);
        execute("{ items { id direct batched } }", endpoints);

        assertThat(fetchersSaw).hasSize(2).containsOnly(endpoints);
        assertThat(batchLoadersSaw).containsExactly(endpoints);
        assertThat(inForce.getValue()).isNull();
    }

    @Test
    void aSubscriptionsEventsAreResolvedWithinADeadline() {
        ExecutionGraphQlResponse response = execute("subscription { items { id direct batched } }", null);
        Publisher<ExecutionResult> events = response.getData();
        List<ExecutionResult> received = Flux.from(events).collectList().block(Duration.ofSeconds(30));

        assertThat(received).hasSize(3).allSatisfy(event -> assertThat(event.getErrors()).isEmpty());
        assertThat(fetchersSaw).hasSize(3).doesNotContain("none");
        assertThat(batchLoadersSaw).hasSize(3).doesNotContain("none");
    }

    @Test
    void aPoolMadePropagatingRunsEachTaskWithinTheDeadlineWhereItWasSubmittedAndLeavesNoneBehind() throws Exception {
        ExecutorService pool = StorageDeadline.propagating(Executors.newSingleThreadExecutor());
        try {
            StorageDeadline deadline = StorageDeadline.after(DEADLINE);
            Object seen;
            try (StorageDeadline.Scope scope = deadline.inForce()) {
                seen = pool.submit(inForce::getValue).get();
            }
            assertThat(seen).isSameAs(deadline);
            assertThat(pool.submit(() -> String.valueOf(inForce.getValue())).get()).isEqualTo("null");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInnerDeadlineNeverOutlastsTheOneInForceAndLiftedClearsItForCleanUp() {
        StorageDeadline outer = StorageDeadline.after(Duration.ofSeconds(1));
        try (StorageDeadline.Scope o = outer.inForce()) {
            try (StorageDeadline.Scope longer = StorageDeadline.within(Duration.ofMinutes(1))) {
                assertThat(inForce.getValue()).isSameAs(outer);
            }
            try (StorageDeadline.Scope lifted = StorageDeadline.lifted()) {
                assertThat(inForce.getValue()).isNull();
            }
            assertThat(inForce.getValue()).isSameAs(outer);
        }
        assertThat(inForce.getValue()).isNull();
    }

    private ExecutionGraphQlResponse execute(String document, @Nullable StorageDeadline endpoints) {
        DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, null, null, "1", null);
        if (endpoints == null) {
            return service.execute(request).block(Duration.ofSeconds(30));
        }
        try (StorageDeadline.Scope scope = endpoints.inForce()) {
            // what Spring for GraphQL's WebGraphQlHandler does with the registered thread-locals
            var snapshot = ContextSnapshotFactory.builder().build().captureAll();
            return service.execute(request).contextWrite(snapshot::updateContext).block(Duration.ofSeconds(30));
        }
    }

    private DefaultExecutionGraphQlService service() {
        DefaultBatchLoaderRegistry loaders = new DefaultBatchLoaderRegistry();
        loaders.<String, String>forName("batched").registerBatchLoader((keys, environment) -> {
            batchLoadersSaw.add(seen());
            return Flux.fromIterable(keys);
        });
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(SDL.getBytes(StandardCharsets.UTF_8)))
                .configureRuntimeWiring(wiring -> wiring
                        .type("Query", type -> type.dataFetcher("items", env -> List.of(Map.of("id", "1"), Map.of("id", "2"))))
                        .type("Subscription", type -> type.dataFetcher("items",
                                env -> Flux.interval(Duration.ofMillis(20)).take(3).map(i -> Map.of("id", String.valueOf(i)))))
                        .type("Item", type -> type
                                .dataFetcher("direct", env -> {
                                    fetchersSaw.add(seen());
                                    return "direct";
                                })
                                .dataFetcher("batched", env -> {
                                    DataLoader<String, String> loader = env.getDataLoader("batched");
                                    return loader.load(String.valueOf(((Map<?, ?>) env.getSource()).get("id")));
                                })))
                .instrumentation(List.of(new RequestBudgetInstrumentation(
                        new RequestBudgetInstrumentation.Budget(Duration.ofSeconds(5), Duration.ofSeconds(2)),
                        new ExecutionLimits(DEADLINE, 64, Duration.ofMillis(100)))))
                .build();
        DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
        service.addDataLoaderRegistrar(loaders);
        return service;
    }

    private Object seen() {
        StorageDeadline deadline = inForce.getValue();
        return deadline == null ? "none" : deadline;
    }
}
