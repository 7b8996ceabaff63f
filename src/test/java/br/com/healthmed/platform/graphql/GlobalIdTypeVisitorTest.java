package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

/** The wrapping of fetchers: what it encodes, and that it keeps a property read light. */
class GlobalIdTypeVisitorTest {

    private static final String SDL = """
            directive @globalId(type: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
            interface Node { id: ID! }
            type Slot implements Node { id: ID! }
            type Query { slot(id: ID! @globalId(type: "Slot")): Slot  computed: Slot }
            """;

    private final GraphQLSchema schema = GraphQlSource.schemaResourceBuilder()
            .schemaResources(new ByteArrayResource(SDL.getBytes(StandardCharsets.UTF_8)))
            .typeVisitors(List.of(new GlobalIdTypeVisitor()))
            .build().schema();

    @Test
    void aNodesIdReadAsAPropertyStaysALightTrivialFetcherAndIsEncoded() throws Exception {
        DataFetcher<?> id = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Slot", "id"),
                schema.getObjectType("Slot").getFieldDefinition("id"));

        assertThat(id).isInstanceOf(LightDataFetcher.class).isInstanceOf(TrivialDataFetcher.class);
        UUID key = UUID.randomUUID();
        Object encoded = ((LightDataFetcher<?>) id).get(schema.getObjectType("Slot").getFieldDefinition("id"), Map.of("id", key),
                () -> { throw new AssertionError("a light fetcher needs no environment"); });
        assertThat(encoded).isEqualTo(GlobalId.encode("Slot", key));
    }

    @Test
    void aFieldWithIdArgumentsKeepsAFullFetcherAndOneWithoutIsLeftAlone() {
        DataFetcher<?> slot = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Query", "slot"),
                schema.getQueryType().getFieldDefinition("slot"));
        DataFetcher<?> computed = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates("Query", "computed"),
                schema.getQueryType().getFieldDefinition("computed"));

        assertThat(slot).isNotInstanceOf(TrivialDataFetcher.class); // it decodes arguments: it needs the environment
        assertThat(computed).isInstanceOf(LightDataFetcher.class); // graphql-java's own property read, unwrapped
    }
}
