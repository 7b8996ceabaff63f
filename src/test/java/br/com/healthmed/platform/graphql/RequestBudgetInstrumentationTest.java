package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The per-request budget on a tiny schema, with clocks the data fetchers move: each {@code name}
 * fetch advances the wall clock or the CPU clock by 100 ms, so the budget runs out after a known
 * number of fetches, and nothing after that point is fetched.
 */
class RequestBudgetInstrumentationTest {

    private static final String SDL = """
            type Query { items: [Item] }
            type Subscription { batches: [Item] }
            type Mutation { book: [Item], again: [Item] }
            type Item { name: String }
            """;

    private final AtomicLong wallNanos = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger mutations = new AtomicInteger();

    @Test
    void aRequestWithinItsBudgetRunsToTheEnd() {
        GraphQL graphql = graphQl(Duration.ofSeconds(5), Duration.ofSeconds(2), wallNanos);

        ExecutionResult result = graphql.execute("{ items { name } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetches.get()).isEqualTo(40);
    }

    @Test
    void aRequestPastItsWallClockBudgetStopsFetchingAndSaysWhy() {
        // 40 items x 100 ms = 4 s of fetching against a 1 s budget.
        GraphQL graphql = graphQl(Duration.ofSeconds(1), Duration.ofSeconds(60), wallNanos);

        ExecutionResult result = graphql.execute("{ items { name } }");

        assertOnlyBudgetError(result);
        assertThat(fetches.get()).isBetween(10, 11);
    }

    @Test
    void aRequestPastItsCpuBudgetStopsFetchingAndSaysWhy() {
        GraphQL graphql = graphQl(Duration.ofSeconds(60), Duration.ofSeconds(1), cpuNanos);

        ExecutionResult result = graphql.execute("{ items { name } }");

        assertOnlyBudgetError(result);
        // The CPU clock is read every 16th fetch: the budget is seen spent at the first read past it.
        assertThat(fetches.get()).isLessThan(40).isGreaterThanOrEqualTo(10);
    }

    @Test
    void eachEventOfASubscriptionHasABudgetOfItsOwn() {
        // Ten events, each resolving four names (400 ms on the fake clock), against a 1 s budget:
        // 4 s in all, but never more than 0.4 s for one event.
        GraphQL graphql = graphQl(Duration.ofSeconds(1), Duration.ofSeconds(60), wallNanos);

        ExecutionResult result = graphql.execute("subscription { batches { name } }");
        List<ExecutionResult> events = Flux.from(result.<Publisher<ExecutionResult>>getData()).collectList().block();

        assertThat(events).hasSize(10).allSatisfy(event -> assertThat(event.getErrors()).isEmpty());
        assertThat(fetches.get()).isEqualTo(40);
    }

    @Test
    void aMutationThatStartedIsAnsweredWholeThoughItsBudgetRanOutMeanwhile() {
        // the first mutation spends 2 s against a 1 s budget: it has changed things, so the document
        // runs to its end and is answered, both mutations with their 40 names each
        GraphQL graphql = graphQl(Duration.ofSeconds(1), Duration.ofSeconds(60), wallNanos);

        ExecutionResult result = graphql.execute("mutation { book { name } again { name } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(mutations.get()).isEqualTo(2);
        assertThat(fetches.get()).isEqualTo(80);
    }

    private static void assertOnlyBudgetError(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getExtensions()).containsEntry("code", "REQUEST_BUDGET_EXCEEDED");
        assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("graphql.");
    }

    private GraphQL graphQl(Duration wall, Duration cpu, AtomicLong clockMovedByFetches) {
        DataFetcher<Object> items = env -> Collections.nCopies(40, Map.of());
        DataFetcher<Object> name = env -> {
            fetches.incrementAndGet();
            clockMovedByFetches.addAndGet(Duration.ofMillis(100).toNanos());
            return "n";
        };
        DataFetcher<Object> book = env -> {
            mutations.incrementAndGet();
            wallNanos.addAndGet(Duration.ofSeconds(2).toNanos());
            return Collections.nCopies(40, Map.of());
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("items", items))
                .type("Mutation", t -> t.dataFetcher("book", book).dataFetcher("again", book))
                .type("Subscription", t -> t.dataFetcher("batches",
                        env -> Flux.range(0, 10).map(i -> Collections.nCopies(4, Map.of()))))
                .type("Item", t -> t.dataFetcher("name", name))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        RequestBudgetInstrumentation budget = new RequestBudgetInstrumentation(
                new RequestBudgetInstrumentation.Budget(wall, cpu), wallNanos::get, cpuNanos::get);
        return GraphQL.newGraphQL(schema).instrumentation(budget).build();
    }
}
