package br.com.healthmed.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on a GraphQL answer that must be exactly one coded error. */
public final class Errors {

    private Errors() {}

    /** Executes the request and returns its one error (fails if there are none or several). */
    public static ResponseError single(GraphQlTester.Request<?> request) {
        ResponseError[] error = {null};
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            error[0] = errors.get(0);
        });
        return error[0];
    }

    /** Executes the request and checks that its one error has this {@code extensions.code}. */
    public static void assertCode(GraphQlTester.Request<?> request, String code) {
        assertThat(single(request).getExtensions()).containsEntry("code", code);
    }
}
