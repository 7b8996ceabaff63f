package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code scalar Decimal}: exact both ways, a string in JSON, and a clear refusal of what could have lost digits. */
class DecimalScalarTest {

    @SuppressWarnings("unchecked")
    private final Coercing<BigDecimal, String> decimal = (Coercing<BigDecimal, String>) DecimalScalar.scalar().getCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void aResultIsAStringWithTheValuesOwnDecimalPlaces() {
        assertThat(serialize(new BigDecimal("350.00"))).isEqualTo("350.00");
        assertThat(serialize(new BigDecimal("0.10"))).isEqualTo("0.10");
        // never scientific notation, which BigDecimal.toString would give
        assertThat(serialize(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(serialize(350L)).isEqualTo("350");
    }

    @Test
    void aStringOrAnIntegerIsTakenExactly() {
        assertThat(decimal.parseValue("350.00", context, Locale.ROOT)).isEqualTo(new BigDecimal("350.00"));
        assertThat(decimal.parseValue("-5", context, Locale.ROOT)).isEqualTo(new BigDecimal("-5"));
        assertThat(decimal.parseValue(350, context, Locale.ROOT)).isEqualTo(new BigDecimal("350"));
        assertThat(decimal.parseValue(new BigInteger("12345678901234567890"), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(decimal.parseLiteral(new StringValue("100.005"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("100.005"));
        assertThat(decimal.parseLiteral(new IntValue(BigInteger.valueOf(220)), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("220"));
    }

    @Test
    void aNumberWithAFractionIsRefusedAsBadUserInputAsAVariableAndAsALiteral() {
        assertThatThrownBy(() -> decimal.parseValue(349.9, context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseValueException.class, refused -> {
                    assertThat(refused.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(refused.getMessage()).contains("send a string, e.g. \"350.00\"").doesNotContain("Double", "java.");
                });
        assertThatThrownBy(() -> decimal.parseLiteral(new FloatValue(new BigDecimal("349.9")), CoercedVariables.emptyVariables(),
                context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseLiteralException.class, refused -> {
                    assertThat(refused.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(refused.getMessage()).contains("send a string").doesNotContain("FloatValue");
                });
    }

    @Test
    void textThatIsNotAPlainDecimalIsRefusedNamingOnlyAShortPrefix() {
        for (String bad : new String[] {"3.5E+2", "350,00", "R$ 350", "", ".5", "5.", "+5", "NaN", "0x10"}) {
            assertThatThrownBy(() -> decimal.parseValue(bad, context, Locale.ROOT)).as(bad)
                    .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("Not a Decimal");
        }
        String huge = "9".repeat(1_000_000);
        assertThatThrownBy(() -> decimal.parseValue(huge, context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseValueException.class,
                        refused -> assertThat(refused.getMessage()).hasSizeLessThan(200).contains("at most 40 characters"));
        assertThatThrownBy(() -> decimal.parseValue(true, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("Expected a string");
    }

    @Test
    void anIntegerHasTheSameBoundAsAStringAsALiteralAndAsAVariable() {
        BigInteger huge = new BigInteger("9".repeat(5_000));
        BigInteger fortyOne = new BigInteger("9".repeat(41));
        for (BigInteger tooLong : new BigInteger[] {huge, fortyOne, fortyOne.negate()}) {
            assertThatThrownBy(() -> decimal.parseLiteral(new IntValue(tooLong), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                    .isInstanceOfSatisfying(CoercingParseLiteralException.class, refused -> {
                        assertThat(refused.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                        assertThat(refused.getMessage()).hasSizeLessThan(200).contains("at most 40 characters");
                    });
            assertThatThrownBy(() -> decimal.parseValue(tooLong, context, Locale.ROOT))
                    .isInstanceOfSatisfying(CoercingParseValueException.class, refused -> {
                        assertThat(refused.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                        assertThat(refused.getMessage()).hasSizeLessThan(200);
                    });
        }
        BigInteger forty = new BigInteger("9".repeat(40));
        assertThat(decimal.parseLiteral(new IntValue(forty), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal(forty));
        assertThat(decimal.parseValue(forty, context, Locale.ROOT)).isEqualTo(new BigDecimal(forty));
    }

    private String serialize(Object value) {
        return decimal.serialize(value, context, Locale.ROOT);
    }
}
