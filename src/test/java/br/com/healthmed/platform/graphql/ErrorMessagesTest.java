package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** graphql-java's messages as a client reads them once {@link ErrorMessages} has cleaned them. */
class ErrorMessagesTest {

    @Test
    void deepNestingIsRewrittenAsFarAsTheBoundAndStillNamesNoJavaClass() {
        String deep = "value '" + "ArrayValue{values=[".repeat(50) + "IntValue{value=1}" + "]}".repeat(50) + "' is bad";
        String cleaned = ErrorMessages.clean(deep);
        org.assertj.core.api.Assertions.assertThat(cleaned).doesNotContain("ArrayValue").doesNotContain("IntValue");
        org.assertj.core.api.Assertions.assertThat(cleaned.length()).isLessThanOrEqualTo(ErrorMessages.MAX_MESSAGE);
    }

    @Test
    void astValuesBecomeLiteralsAndJavaClassesTheirGraphQlTypes() {
        assertThat(ErrorMessages.clean("Validation error (WrongType@[doctor]) : argument 'id' with value 'IntValue{value=1}' is not a "
                + "valid 'UUID' - Expected a 'java.util.UUID' AST type object but was 'IntValue'."))
                .as("the argument's quoted literal is cut out, the rest written for a client")
                .isEqualTo("Validation error (WrongType@[doctor]) : argument 'id' is not a valid 'UUID' - "
                        + "Expected a 'UUID' but was an Int literal.");
        assertThat(ErrorMessages.clean("value 'ObjectValue{objectFields=[ObjectField{name='a', value=ArrayValue{values=[IntValue{value=1}, "
                + "StringValue{value='x'}, EnumValue{name='E'}, NullValue{}]}}]}' is bad"))
                .isEqualTo("value '{a: [1, \"x\", E, null]}' is bad");
        assertThat(ErrorMessages.clean("Expected type 'java.lang.Integer' but was 'java.lang.String'."))
                .isEqualTo("Expected type 'Int' but was 'String'.");
        assertThat(ErrorMessages.clean("Invalid value: java.lang.NumberFormatException: For input string: \"x\""))
                .isEqualTo("Invalid value: For input string: \"x\"");
    }

    @Test
    void aLongValueIsEchoedOnlyAsAShortPrefixAndTheMessageIsBounded() {
        String cleaned = ErrorMessages.clean("Invalid UUID string: " + "a".repeat(1_000_000) + " in 'StringValue{value='" + "b".repeat(500) + "'}'");

        assertThat(cleaned).startsWith("Invalid UUID string: " + "a".repeat(40) + "… in '\"" + "b".repeat(38) + "…");
        assertThat(cleaned.length()).isLessThanOrEqualTo(ErrorMessages.MAX_MESSAGE);
        assertThat(ErrorMessages.clean("word ".repeat(200))).hasSize(ErrorMessages.MAX_MESSAGE).endsWith("…");
    }

    @Test
    void ourOwnMessagesAndGraphQlJavasRuleAndPathAreLeftAlone() {
        String own = "Access token expired; refresh the session.";
        String rule = "Validation error (NullValueForNonNullArgument@[consultationNote/appointment]) : Null value for non-null field argument 'id'";

        assertThat(ErrorMessages.clean(own)).isEqualTo(own);
        assertThat(ErrorMessages.clean(rule)).isEqualTo(rule);
    }
}
