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
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.Selection;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Map;
import java.util.Random;
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
                .instrumentation(new QueryLimitsInstrumentation(new QueryLimitsInstrumentation.Limits(12, 300, 1000, 100)))
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
    void theStandardIntrospectionQueryRunsWithinTheLimitsOfTheService() {
        QueryLimitsInstrumentation.Limits serviceDefaults = new QueryLimitsInstrumentation.Limits(15, 300, 1000, 100);
        GraphQL withServiceDefaults = graphql.transform(b -> b.instrumentation(new QueryLimitsInstrumentation(serviceDefaults)));

        ExecutionResult result = withServiceDefaults.execute(IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData().get("__schema").toString()).contains("Node");
    }

    @Test
    void introspectionCountsAgainstTheDepthLimit() {
        // __type(1) > fields(2) > type(3) > ofType x10 > name: depth 14 with a limit of 12.
        String query = "{ __type(name: \"Node\") { fields { type { " + "ofType { ".repeat(10) + "name"
                + " }".repeat(10) + " } } } }";

        ExecutionResult result = run(query);

        assertSingleError(result, "QUERY_TOO_DEEP");
    }

    @Test
    void introspectionCountsAgainstTheFieldLimit() {
        String query = "{ " + IntStream.rangeClosed(1, 301).mapToObj(i -> "t" + i + ": __type(name: \"Node\") { name }")
                .collect(Collectors.joining(" ")) + " }";

        ExecutionResult result = run(query);

        assertSingleError(result, "QUERY_TOO_COMPLEX");
    }

    @Test
    void introspectionDoesNotExemptTheRestOfTheOperation() {
        ExecutionResult result = run("{ __schema { queryType { name } } " + nested(13).substring(1));

        assertSingleError(result, "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    // --- fragment bombs: the walk is linear in the document -------------------------------------

    @Test
    void theFragmentSpreadBombIsRefusedAfterAFewDozenSteps() {
        // The attack run's 739-byte document: F8 spreads F7 ten times, ... F1 spreads F0 ten times,
        // 10^8 spreads once expanded. It pinned a core for seconds while the walk expanded it.
        String bomb = fragmentBomb(8, 10, "Query", "__typename");

        ExecutionResult result = run(bomb);

        assertSingleError(result, "QUERY_TOO_COMPLEX");
        Document document = new Parser().parseDocument(bomb);
        assertThat(QueryLimitsInstrumentation.walkSteps(document, graphql.getGraphQLSchema())).isLessThan(200);
    }

    @Test
    void aFragmentBombOfRealFieldsIsRefusedBeforeValidationExpandsIt() {
        // Like the bomb above but every fragment selects a field under node, so it is also deep.
        String bomb = fragmentBomb(9, 12, "Node", "name").replace("{ ...F9 }", "{ node { ...F9 } }");

        ExecutionResult result = run(bomb);

        assertThat(result.getErrors()).hasSize(1);
        assertThat(result.getErrors().get(0).getExtensions().get("code")).isIn("QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void aLongChainOfFragmentsIsRefusedBeforeValidationFollowsIt() {
        // graphql-java's fragment-cycle check costs about n^3 on a chain of n fragments, used or not.
        StringBuilder chain = new StringBuilder("{ node { name } }\nfragment F0 on Node { name }\n");
        for (int i = 1; i <= 1800; i++) {
            chain.append("fragment F").append(i).append(" on Node { ...F").append(i - 1).append(" }\n");
        }

        ExecutionResult result = run(chain.toString());

        assertSingleError(result, "QUERY_TOO_COMPLEX");
        assertThat(result.getErrors().get(0).getMessage()).contains("1801 fragments");
    }

    @Test
    void aFragmentDefinedTwiceIsRefused() {
        ExecutionResult result = run("{ node { ...f } } fragment f on Node { name } fragment f on Node { child { name } }");

        assertSingleError(result, "GRAPHQL_VALIDATION_FAILED");
        assertThat(fetches.get()).isZero();
    }

    @Test
    void theSelectionLimitCoversEveryOperationOfTheDocumentTogether() {
        // Each operation alone has 601 selections, within the limit; validation walks both.
        String aliases = IntStream.rangeClosed(1, 600).mapToObj(i -> "t" + i + ": __typename").collect(Collectors.joining(" "));
        String query = "query A { node { " + aliases + " } } query B { node { " + aliases + " } }";

        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(query).operationName("A").build());

        assertSingleError(result, "QUERY_TOO_COMPLEX");
    }

    /**
     * Property: for random documents of nested fields, inline fragments and fragments spreading earlier
     * fragments any number of times, the walk visits at most twice as many selections as the
     * document has (each selection once for the field count, at most once more at the root for the
     * exclusive-field count), whatever the expanded size.
     */
    @Test
    void theWalkOfRandomDocumentsIsLinearInTheirSize() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            String query = randomDocument(random);
            Document document;
            try {
                document = new Parser().parseDocument(query);
            } catch (RuntimeException unparsable) {
                throw new AssertionError("seed " + seed + " made an unparsable document: " + query, unparsable);
            }
            long selections = countSelections(document);
            long steps = QueryLimitsInstrumentation.walkSteps(document, graphql.getGraphQLSchema());
            assertThat(steps).as("seed %d, document %s", seed, query).isLessThanOrEqualTo(2 * selections);
        }
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

    /**
     * {@code { ...F<levels> }} where fragment F0 selects {@code leaf} and each F(i) spreads F(i-1)
     * {@code fanOut} times.
     */
    private static String fragmentBomb(int levels, int fanOut, String type, String leaf) {
        StringBuilder query = new StringBuilder("{ ...F" + levels + " }\n");
        query.append("fragment F0 on ").append(type).append(" { ").append(leaf).append(" }\n");
        for (int i = 1; i <= levels; i++) {
            query.append("fragment F").append(i).append(" on ").append(type).append(" {")
                    .append((" ...F" + (i - 1)).repeat(fanOut)).append(" }\n");
        }
        return query.toString();
    }

    /** A random document: an operation over node, and fragments on Node spreading earlier ones. */
    private static String randomDocument(Random random) {
        int fragments = random.nextInt(8);
        StringBuilder document = new StringBuilder("{ node { ").append(randomSelections(random, fragments, 3)).append(" } }\n");
        for (int i = 0; i < fragments; i++) {
            document.append("fragment F").append(i).append(" on Node { ").append(randomSelections(random, i, 3)).append(" }\n");
        }
        return document.toString();
    }

    /** One to five selections: name, child { ... }, an inline fragment, or a spread of F0..F(spreadable-1). */
    private static String randomSelections(Random random, int spreadable, int depthLeft) {
        StringBuilder selections = new StringBuilder();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(spreadable > 0 ? 4 : 3);
            if (depthLeft == 0 || kind == 0) {
                selections.append(" a").append(i).append(": name");
            } else if (kind == 1) {
                selections.append(" child { ").append(randomSelections(random, spreadable, depthLeft - 1)).append(" }");
            } else if (kind == 2) {
                selections.append(" ... on Node { ").append(randomSelections(random, spreadable, depthLeft - 1)).append(" }");
            } else {
                selections.append(" ...F").append(random.nextInt(spreadable));
            }
        }
        return selections.toString();
    }

    /** Selections written in the document (fields, inline fragments, spreads), not expanded. */
    private static long countSelections(Document document) {
        long[] count = {0};
        NodeTraverser traverser = new NodeTraverser();
        traverser.depthFirst(new NodeVisitorStub() {
            @Override
            protected TraversalControl visitSelection(Selection<?> node, TraverserContext<Node> context) {
                count[0]++;
                return TraversalControl.CONTINUE;
            }
        }, document);
        return count[0];
    }

    private static void assertSingleError(ExecutionResult result, String code) {
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getExtensions()).containsEntry("code", code);
    }
}
