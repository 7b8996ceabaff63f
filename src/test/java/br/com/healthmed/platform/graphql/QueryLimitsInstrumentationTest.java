package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The depth and field limits on a tiny recursive schema, without Spring: {@code node} is at depth 1,
 * each {@code child} one deeper, and {@code name} is the leaf.
 */
class QueryLimitsInstrumentationTest {

    private static final String SDL = """
            type Query { node: Node }
            type Node { child: Node name: String }
            """;

    private final AtomicInteger fetches = new AtomicInteger();
    private GraphQL graphql;

    @BeforeEach
    void buildSchema() {
        DataFetcher<Object> node = env -> {
            fetches.incrementAndGet();
            return Map.of();
        };
        DataFetcher<Object> name = env -> {
            fetches.incrementAndGet();
            return "n";
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("node", node))
                .type("Node", t -> t.dataFetcher("child", node).dataFetcher("name", name))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        graphql = GraphQL.newGraphQL(schema)
                .instrumentation(new QueryLimitsInstrumentation(new QueryLimitsInstrumentation.Limits(12, 300)))
                .build();
    }

    // --- depth ----------------------------------------------------------------------------------

    @Test
    void aQueryAtTheDepthLimitRuns() {
        ExecutionResult result = run(nested(12));

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetches.get()).isEqualTo(12);
    }

    @Test
    void aQueryOneLevelDeeperIsRefusedBeforeAnythingRuns() {
        ExecutionResult result = run(nested(13));

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(result.getErrors().get(0).getMessage()).contains("13").contains("12");
        assertThat((Object) result.getData()).isNull();
        assertThat(fetches.get()).isZero();
    }

    @Test
    void fragmentsAreExpandedWhenMeasuringDepth() {
        // node > child x11 > name = depth 13, written as a chain of fragments, each one level deep.
        StringBuilder query = new StringBuilder("{ node { ...f1 } }\n");
        for (int i = 1; i <= 11; i++) {
            query.append("fragment f").append(i).append(" on Node { child { ...f").append(i + 1).append(" } }\n");
        }
        query.append("fragment f12 on Node { name }\n");

        ExecutionResult result = run(query.toString());

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void inlineFragmentsAreExpandedToo() {
        String deep = nested(13).replace("child {", "... on Node { child {").replace("name", "name" + " }".repeat(11));

        ExecutionResult result = run(deep);

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void fragmentsWithinTheLimitRun() {
        String query = """
                { node { ...a } }
                fragment a on Node { child { ...b } }
                fragment b on Node { child { name } }
                """;

        ExecutionResult result = run(query);

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("node", Map.of("child", Map.of("child", Map.of("name", "n")))));
    }

    // --- field count ----------------------------------------------------------------------------

    @Test
    void threeHundredFieldsRun() {
        ExecutionResult result = run(aliases(299)); // node + 299 aliases

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetches.get()).isEqualTo(300);
    }

    @Test
    void threeHundredAndOneFieldsAreRefusedBeforeAnythingRuns() {
        ExecutionResult result = run(aliases(300)); // node + 300 aliases

        assertSingleError(result, "QUERY_TOO_COMPLEX");
        assertThat(result.getErrors().get(0).getMessage()).contains("301").contains("300");
        assertThat((Object) result.getData()).isNull();
        assertThat(fetches.get()).isZero();
    }

    @Test
    void aFragmentSpreadBothWithinAndBeyondTheDepthLimitIsRefused() {
        // ...deep under node reaches depth 12; the same fragment one level lower reaches 13.
        String query = "{ node { ...deep child { ...deep } } }\n"
                + "fragment deep on Node { " + "child { ".repeat(10) + "name" + " }".repeat(10) + " }";

        ExecutionResult result = run(query);

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void fieldsInsideRepeatedFragmentSpreadsAreCountedEachTime() {
        // 3 nodes, each spreading 100 aliased names: 3 + 300 = 303 fields.
        String fragment = "fragment many on Node { " + IntStream.rangeClosed(1, 100)
                .mapToObj(i -> "a" + i + ": name").collect(Collectors.joining(" ")) + " }";
        String query = "{ n1: node { ...many } n2: node { ...many } n3: node { ...many } }\n" + fragment;

        ExecutionResult result = run(query);

        assertSingleError(result, "QUERY_TOO_COMPLEX");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void typenameFieldsAreNotCounted() {
        String typenames = IntStream.rangeClosed(1, 200).mapToObj(i -> "t" + i + ": __typename")
                .collect(Collectors.joining(" "));
        // 300 counted fields plus 200 __typename ones, and a __typename one level below the depth limit.
        String query = "{ __typename node { " + typenames + " "
                + IntStream.rangeClosed(1, 298).mapToObj(i -> "a" + i + ": name").collect(Collectors.joining(" "))
                + " child { __typename } } }";

        ExecutionResult result = run(query);

        assertThat(result.getErrors()).isEmpty();
    }

    @Test
    void aTypenameBelowTheDeepestFieldDoesNotMakeTheQueryDeeper() {
        // 12 levels of node/child, then __typename at what would be depth 13.
        String query = nested(13).replace("name", "__typename");

        ExecutionResult result = run(query);

        assertThat(result.getErrors()).isEmpty();
    }

    // --- introspection --------------------------------------------------------------------------

    @Test
    void theStandardIntrospectionQueryIsNotRefusedAlthoughItIsDeeperThanTheLimit() {
        ExecutionResult result = run(IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> data = result.getData();
        assertThat(data).containsKey("__schema");
        assertThat(data.get("__schema").toString()).contains("Node");
    }

    @Test
    void introspectionDoesNotExemptTheRestOfTheOperation() {
        ExecutionResult result = run("{ __schema { queryType { name } } " + nested(13).substring(1));

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------

    private ExecutionResult run(String query) {
        return graphql.execute(ExecutionInput.newExecutionInput(query).build());
    }

    /** {@code { node { child { ... name } } }} with {@code name} at the given depth (at least 2). */
    private static String nested(int depth) {
        return "{ node { " + "child { ".repeat(depth - 2) + "name" + " }".repeat(depth - 2) + " } }";
    }

    /** {@code { node { a1: name a2: name ... } }}: 1 + count fields, depth 2. */
    private static String aliases(int count) {
        return "{ node { " + IntStream.rangeClosed(1, count).mapToObj(i -> "a" + i + ": name")
                .collect(Collectors.joining(" ")) + " } }";
    }

    private static void assertSingleError(ExecutionResult result, String code) {
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getExtensions()).containsEntry("code", code);
    }
}
