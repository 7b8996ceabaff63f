package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parsed-document cache on a tiny schema, with the query limits installed as in the service:
 * a document sent again is not parsed again, and a document the limits refuse is refused every time
 * it is sent, cached or not.
 */
class DocumentCacheTest {

    private static final String SDL = """
            type Query { node(id: Int): Node }
            type Node { child: Node name: String }
            """;

    private final AtomicInteger parses = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private DocumentCache cache;
    private GraphQL graphql;

    @BeforeEach
    void buildSchema() {
        DataFetcher<Object> node = this::fetchNode;
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("node", node))
                .type("Node", t -> t.dataFetcher("child", node).dataFetcher("name", env -> "n"))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        SimplePerformantInstrumentation countParses = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
                parses.incrementAndGet();
                return SimpleInstrumentationContext.noOp();
            }
        };
        cache = new DocumentCache(3, 10_000, 2_000);
        graphql = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(countParses,
                        new QueryLimitsInstrumentation(new QueryLimitsInstrumentation.Limits(4, 300, 1000, 100)))))
                .preparsedDocumentProvider(cache)
                .build();
    }

    @Test
    void aDocumentSentAgainWithOtherVariablesIsNotParsedAgain() {
        String query = "query($id: Int) { node(id: $id) { name } }";

        ExecutionResult first = graphql.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("id", 1)));
        ExecutionResult second = graphql.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("id", 2)));

        assertThat(first.getErrors()).isEmpty();
        assertThat(second.getErrors()).isEmpty();
        assertThat(second.<Map<String, Object>>getData()).isEqualTo(Map.of("node", Map.of("name", "n")));
        assertThat(parses).hasValue(1);
    }

    @Test
    void aCachedDocumentOverTheDepthLimitIsRefusedOnEverySend() {
        String tooDeep = "{ node { child { child { child { child { name } } } } } }";

        for (int send = 1; send <= 3; send++) {
            ExecutionResult result = graphql.execute(tooDeep);
            assertThat(result.getErrors()).as("send %d", send).extracting(this::code).containsExactly("QUERY_TOO_DEEP");
        }
        assertThat(fetches).as("nothing ran").hasValue(0);
    }

    @Test
    void aDocumentWithErrorsIsNotKeptAndFailsTheSameWayAgain() {
        String invalid = "{ node { nosuchfield } }";

        ExecutionResult first = graphql.execute(invalid);
        ExecutionResult second = graphql.execute(invalid);

        assertThat(first.getErrors()).isNotEmpty();
        assertThat(second.getErrors()).extracting(GraphQLError::getMessage)
                .isEqualTo(first.getErrors().stream().map(GraphQLError::getMessage).toList());
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedDocumentsWithinItsBounds() {
        List<String> queries = List.of("{ node { name } }", "{ a: node { name } }", "{ b: node { name } }", "{ c: node { name } }");
        graphql.execute(queries.get(0));
        graphql.execute(queries.get(1));
        graphql.execute(queries.get(2));
        graphql.execute(queries.get(0)); // used again: now the most recent
        graphql.execute(queries.get(3)); // a fourth: the least recently used (queries[1]) goes
        parses.set(0);

        graphql.execute(queries.get(0));
        graphql.execute(queries.get(2));
        graphql.execute(queries.get(3));
        assertThat(parses).as("kept").hasValue(0);
        graphql.execute(queries.get(1));
        assertThat(parses).as("evicted").hasValue(1);
        assertThat(cache.size()).isEqualTo(3);

        String long1 = "{ node { name } }" + " ".repeat(2_100);
        graphql.execute(long1);
        graphql.execute(long1);
        assertThat(parses).as("a document longer than the per-document bound is never kept").hasValue(3);
    }

    private Object fetchNode(graphql.schema.DataFetchingEnvironment env) {
        fetches.incrementAndGet();
        return Map.of();
    }

    private String code(GraphQLError error) {
        return String.valueOf(error.getExtensions() == null ? null : error.getExtensions().get("code"));
    }
}
