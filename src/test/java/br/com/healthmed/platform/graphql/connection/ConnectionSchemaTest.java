package br.com.healthmed.platform.graphql.connection;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code *Connection} of the schema follows the Relay Cursor Connections spec the same way, and every
 * field that returns one is nullable: an error there is {@code null} beside the error, never an empty page.
 * (Spring for GraphQL substitutes an empty connection for a failed non-null connection field.)
 */
class ConnectionSchemaTest {

    private final TypeDefinitionRegistry schema = schema();

    @Test
    void everyConnectionHasEdgesOfCursorAndNodeAndAPageInfo() {
        List<ObjectTypeDefinition> connections = objects().filter(type -> type.getName().endsWith("Connection")).toList();
        assertThat(connections).extracting(ObjectTypeDefinition::getName).contains("AppointmentConnection", "DoctorSearchConnection",
                "SecurityEventConnection", "AccessLogConnection", "RecordTimelineConnection");
        for (ObjectTypeDefinition connection : connections) {
            String edge = connection.getName().replaceFirst("Connection$", "Edge");
            assertThat(render(field(connection, "edges").getType())).as(connection.getName()).isEqualTo("[" + edge + "!]!");
            assertThat(render(field(connection, "pageInfo").getType())).as(connection.getName()).isEqualTo("PageInfo!");
            ObjectTypeDefinition edgeType = (ObjectTypeDefinition) schema.getType(edge).orElseThrow();
            assertThat(render(field(edgeType, "cursor").getType())).as(edge).isEqualTo("String!");
            assertThat(field(edgeType, "node").getType()).as(edge + ".node").isInstanceOf(NonNullType.class);
        }
    }

    @Test
    void everyFieldReturningAConnectionIsNullableAndTakesFirstAsIntWithoutDefault() {
        List<String> checked = new ArrayList<>();
        objects().forEach(type -> type.getFieldDefinitions().stream()
                .filter(field -> render(field.getType()).replace("!", "").endsWith("Connection"))
                .forEach(field -> {
                    String name = type.getName() + "." + field.getName();
                    checked.add(name);
                    assertThat(field.getType()).as(name + " is nullable").isInstanceOf(TypeName.class);
                    Map<String, InputValueDefinition> arguments = new java.util.HashMap<>();
                    field.getInputValueDefinitions().forEach(argument -> arguments.put(argument.getName(), argument));
                    assertThat(arguments).as(name).containsKeys("first", "after");
                    assertPagingArgument(name, arguments.get("first"), "Int");
                    assertPagingArgument(name, arguments.get("after"), "String");
                    assertThat(arguments.containsKey("last")).as(name + ": last comes with before").isEqualTo(arguments.containsKey("before"));
                    if (arguments.containsKey("last")) {
                        assertPagingArgument(name, arguments.get("last"), "Int");
                        assertPagingArgument(name, arguments.get("before"), "String");
                    }
                }));
        assertThat(checked).contains("Query.myAppointments", "Query.searchDoctors", "Query.recordAccessLog", "Query.sharedRecords",
                "Query.mySecurityEvents", "HealthRecord.files", "HealthRecord.timeline", "SharedRecord.timeline", "Doctor.reviews");
    }

    /** One type for every list, no default: a default first would clash with last. */
    private static void assertPagingArgument(String field, InputValueDefinition argument, String type) {
        assertThat(render(argument.getType())).as(field + "(" + argument.getName() + ")").isEqualTo(type);
        assertThat(argument.getDefaultValue()).as(field + "(" + argument.getName() + ") default").isNull();
        assertThat(argument.getDescription()).as(field + "(" + argument.getName() + ") description").isNotNull();
    }

    private Stream<ObjectTypeDefinition> objects() {
        Stream<ObjectTypeDefinition> types = schema.getTypes(ObjectTypeDefinition.class).stream();
        Stream<ObjectTypeDefinition> extensions = schema.objectTypeExtensions().values().stream().flatMap(List::stream)
                .map(ObjectTypeDefinition.class::cast);
        return Stream.concat(types, extensions);
    }

    private static FieldDefinition field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(field -> field.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + " has no " + name));
    }

    private static String render(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return render(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + render(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    private static TypeDefinitionRegistry schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return registry;
    }
}
