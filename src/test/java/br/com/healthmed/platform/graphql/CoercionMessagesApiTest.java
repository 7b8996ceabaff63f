package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.Api;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzz cases of issue 13: wrong kinds of literal and of variable value for every custom scalar
 * (UUID, DateTime, Date, LocalTime, Long, PositiveInt, NonNegativeInt, Url, BigDecimal), a 1 MB string
 * literal and a 1 MB variable. No answer names a Java class ({@code java.util.UUID}, graphql-java's AST
 * classes such as {@code IntValue}) and no message is longer than {@link #MAX_MESSAGE}: a bad value is
 * echoed only as a short prefix. The literals go both as a variable's default value (for every scalar,
 * whatever the schema's fields take) and as arguments of the schema's own fields of that type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoercionMessagesApiTest {

    static final int MAX_MESSAGE = 300;
    private static final List<String> SCALARS = List.of(
            "UUID", "DateTime", "Date", "LocalTime", "Long", "PositiveInt", "NonNegativeInt", "Url", "BigDecimal");
    private static final String HUGE = "a".repeat(1024 * 1024);
    private static final List<String> LITERALS = List.of("1", "-1", "0", "1.5", "1e400", "true", "null", "\"not valid\"", "\"\"",
            "SOME_ENUM", "[1, 2]", "[\"x\"]", "{a: 1}", "{a: {b: \"c\"}}", "\"" + HUGE + "\"",
            "\"2024-13-45T99:99:99Z\"", "\"12:61\"", "\"ftp:/x y\"", "\"00000000-0000-0000-0000-00000000000Z\"",
            "99999999999999999999999999", "\"" + "9".repeat(5000) + "\"");
    private static final List<Object> VARIABLE_VALUES = List.of(1, -1, 0, 1.5, true, "not valid", "", List.of(1), Map.of("a", 1),
            HUGE, "2024-13-45T99:99:99Z", "9".repeat(5000), Long.MAX_VALUE, 1e300);
    /** Java package prefixes, the AST class names graphql-java puts in its messages, and its phrase for them. */
    private static final List<String> CLASS_NAMES = List.of("java.", "javax.", "graphql.", "AST type", "Exception");
    private static final String AST_CLASS = "\\b(Int|String|Float|Boolean|Enum|Array|Object|Null)Value\\b|\\bObjectField\\b|\\bVariableReference\\b";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void noAnswerToABadLiteralOrVariableNamesAJavaClassOrEchoesTheValueWhole() throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (String scalar : SCALARS) {
            for (String literal : LITERALS) {
                requests.add(Map.of("query", "query ($v: " + scalar + " = " + literal + ") { __typename }"));
            }
            for (Usage usage : usagesOf(scalar)) {
                for (String literal : LITERALS) {
                    String value = usage.inputField() == null ? literal : "{" + usage.inputField() + ": " + literal + "}";
                    requests.add(Map.of("query", usage.operation() + " { " + usage.field() + "(" + usage.argument() + ": " + value + ")"
                            + usage.selection() + " }"));
                }
                for (Object value : VARIABLE_VALUES) {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put("v", usage.inputField() == null ? value : Map.of(usage.inputField(), value));
                    requests.add(Map.of("query", usage.operation() + " ($v: " + usage.argumentType() + ") { " + usage.field() + "("
                            + usage.argument() + ": $v)" + usage.selection() + " }", "variables", variables));
                }
            }
        }

        int answered = 0;
        for (Map<String, Object> request : requests) {
            String body = send(request);
            String shown = body.length() > 500 ? body.substring(0, 500) + "…" : body;
            assertThat(body).as("answer %s", shown).doesNotContain(CLASS_NAMES).doesNotContainPattern(AST_CLASS);
            for (String message : messages(body)) {
                assertThat(message.length()).as("length of message %s", message.length() > 500 ? message.substring(0, 500) : message)
                        .isLessThanOrEqualTo(MAX_MESSAGE);
            }
            answered++;
        }
        assertThat(answered).isGreaterThan(SCALARS.size() * LITERALS.size() - 1);
    }

    @Test
    void aShortBadValueIsStillShownToHelpTheClient() throws Exception {
        Usage usage = usagesOf("DateTime").get(0);
        String body = send(Map.of("query", usage.operation() + " ($v: " + usage.argumentType() + ") { " + usage.field() + "("
                + usage.argument() + ": $v)" + usage.selection() + " }", "variables", Map.of("v", "not-a-date")));

        assertThat(messages(body)).anySatisfy(message -> assertThat(message).contains("not-a-date"));
    }

    /**
     * Where a value of {@code scalar} goes in the running schema: arguments of root fields of that type,
     * or of an input object type with a field of that type (at most three usages).
     */
    record Usage(String operation, String field, String argument, String argumentType, @Nullable String inputField, String selection) {}

    private List<Usage> usagesOf(String scalar) {
        GraphQLSchema schema = graphQlSource.schema();
        List<Usage> usages = new ArrayList<>();
        for (GraphQLObjectType root : Stream.of(schema.getQueryType(), schema.getMutationType()).filter(t -> t != null).toList()) {
            String operation = root == schema.getQueryType() ? "query" : "mutation";
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String selection = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType
                        || GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLInterfaceType
                        || GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLUnionType ? " { __typename }" : "";
                for (GraphQLArgument argument : field.getArguments()) {
                    boolean othersOptional = field.getArguments().stream().filter(other -> other != argument)
                            .noneMatch(other -> GraphQLTypeUtil.isNonNull(other.getType()) && !other.hasSetDefaultValue());
                    if (!othersOptional) {
                        continue; // validation would stop at the missing argument, before the value is coerced
                    }
                    var type = GraphQLTypeUtil.unwrapAll(argument.getType());
                    String declared = GraphQLTypeUtil.simplePrint(argument.getType());
                    if (type.getName().equals(scalar)) {
                        usages.add(new Usage(operation, field.getName(), argument.getName(), declared, null, selection));
                    } else if (type instanceof GraphQLInputObjectType input) {
                        input.getFieldDefinitions().stream()
                                .filter(inputField -> GraphQLTypeUtil.unwrapAll(inputField.getType()).getName().equals(scalar))
                                .findFirst()
                                .ifPresent(inputField -> usages.add(new Usage(operation, field.getName(), argument.getName(), declared,
                                        inputField.getName(), selection)));
                    }
                }
            }
        }
        return usages.stream().limit(3).toList();
    }

    private String send(Map<String, Object> request) throws Exception {
        HttpRequest http = HttpRequest.newBuilder(URI.create(Api.at(port).baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build();
        HttpResponse<String> response = HTTP.send(http, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(String body) {
        Object errors = JSON.readValue(body, Map.class).get("errors");
        return errors instanceof List<?> list
                ? list.stream().map(error -> (String) ((Map<String, Object>) error).get("message")).toList()
                : List.of();
    }
}
