package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.UnknownOperationException;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

/** Which code each kind of uncoded error gets, and that odd errors (no locations, no path) do not break it. */
class ErrorCodeInterceptorTest {

    private final ErrorCodeInterceptor interceptor = new ErrorCodeInterceptor();

    static Stream<Arguments> classifications() {
        return Stream.of(
                Arguments.of(graphql.ErrorType.InvalidSyntax, "GRAPHQL_PARSE_FAILED"),
                Arguments.of(graphql.ErrorType.ValidationError, "GRAPHQL_VALIDATION_FAILED"),
                Arguments.of(graphql.ErrorType.OperationNotSupported, "GRAPHQL_VALIDATION_FAILED"),
                Arguments.of(graphql.ErrorType.DataFetchingException, "INTERNAL_ERROR"),
                Arguments.of(graphql.ErrorType.NullValueInNonNullableField, "INTERNAL_ERROR"),
                Arguments.of(graphql.ErrorType.ExecutionAborted, "INTERNAL_ERROR"),
                Arguments.of(ErrorType.BAD_REQUEST, "BAD_USER_INPUT"),
                Arguments.of(ErrorType.UNAUTHORIZED, "UNAUTHENTICATED"),
                // What a caller may not see does not exist for them.
                Arguments.of(ErrorType.FORBIDDEN, "NOT_FOUND"),
                Arguments.of(ErrorType.NOT_FOUND, "NOT_FOUND"),
                Arguments.of(ErrorType.INTERNAL_ERROR, "INTERNAL_ERROR"),
                // graphql-java's own name-only classifications
                Arguments.of(new IntrospectionDisabledError(null).getErrorType(), "GRAPHQL_VALIDATION_FAILED"),
                Arguments.of(ErrorClassification.errorClassification("BadFaithIntrospection"), "GRAPHQL_VALIDATION_FAILED"),
                Arguments.of(ErrorClassification.errorClassification("SomethingWeird"), "INTERNAL_ERROR"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("classifications")
    void eachClassificationGetsItsCode(ErrorClassification classification, String code) {
        ResponseError error = single(intercept(error(classification, "Something happened.", null, null)));

        assertThat(error.getExtensions()).containsEntry("code", code);
        assertThat(error.getMessage()).isEqualTo("Something happened.");
        assertThat(error.getErrorType()).isEqualTo(classification);
    }

    @Test
    void aLiteralThatGraphqlJavaQuotesBackIsCutOutOfTheMessageEvenOfACodedError() {
        String echoed = "Validation error (WrongType@[updateDoctorProfile]) : argument 'input.consultationPrice' with value "
                + "'StringValue{value='" + "1".repeat(100_000) + "x'}' is not a valid 'Decimal' - Not a Decimal.";
        GraphQLError coded = GraphqlErrorBuilder.newError().message(echoed).errorType(graphql.ErrorType.ValidationError)
                .extensions(Map.of("code", "BAD_USER_INPUT")).build();

        ResponseError error = single(intercept(coded));

        assertThat(error.getMessage()).isEqualTo("Validation error (WrongType@[updateDoctorProfile]) : "
                + "argument 'input.consultationPrice' is not a valid 'Decimal' - Not a Decimal.");
        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
    }

    @Test
    void anErrorWithoutClassificationIsInternal() {
        assertThat(single(intercept(error(null, "No type.", null, null))).getExtensions())
                .containsEntry("code", "INTERNAL_ERROR");
    }

    @Test
    void anUnknownOperationNameWithNullLocationsIsValidationFailed() {
        UnknownOperationException unknown = new UnknownOperationException("Unknown operation named 'Nope'.");
        assertThat(unknown.getLocations()).isNull(); // what used to break the mapping

        ResponseError error = single(intercept(unknown));

        assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat(error.getMessage()).contains("Nope");
        assertThat(error.getLocations()).isEmpty();
        assertThat(error.getParsedPath()).isEmpty();
    }

    @Test
    void locationsPathAndOtherExtensionsAreKept() {
        SourceLocation location = new SourceLocation(2, 5);
        GraphQLError original = GraphqlErrorBuilder.newError()
                .errorType(graphql.ErrorType.ValidationError)
                .message("Bad.")
                .location(location)
                .path(List.of("a", 0, "b"))
                .extensions(Map.of("hint", "x"))
                .build();

        ResponseError error = single(intercept(original));

        assertThat(error.getLocations()).containsExactly(location);
        assertThat(error.getParsedPath()).containsExactly("a", 0, "b");
        assertThat(error.getExtensions()).containsEntry("hint", "x").containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void anExistingCodeIsNeverReplaced() {
        GraphQLError coded = GraphqlErrorBuilder.newError()
                .errorType(graphql.ErrorType.DataFetchingException)
                .message("Too deep.")
                .extensions(Map.of("code", "QUERY_TOO_DEEP"))
                .build();

        List<ResponseError> errors = intercept(coded, error(graphql.ErrorType.ValidationError, "Uncoded.", null, null));

        assertThat(errors).extracting(e -> e.getExtensions().get("code"))
                .containsExactly("QUERY_TOO_DEEP", "GRAPHQL_VALIDATION_FAILED");
    }

    // --- helpers --------------------------------------------------------------------------------

    private List<ResponseError> intercept(GraphQLError... errors) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ specialties { code } }"), "1", Locale.ROOT);
        ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(errors)).build();
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        return interceptor.intercept(request, next -> reactor.core.publisher.Mono.just(response)).block().getErrors();
    }

    private static ResponseError single(List<ResponseError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** An error as a hand-written GraphQLError may be: locations and path possibly null. */
    private static GraphQLError error(ErrorClassification classification, String message,
                                      List<SourceLocation> locations, List<Object> path) {
        return new GraphQLError() {
            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public List<SourceLocation> getLocations() {
                return locations;
            }

            @Override
            public ErrorClassification getErrorType() {
                return classification;
            }

            @Override
            public List<Object> getPath() {
                return path;
            }
        };
    }
}
