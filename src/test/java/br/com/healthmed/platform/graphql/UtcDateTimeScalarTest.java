package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code scalar DateTime}: results in UTC with Z and milliseconds, inputs with any offset. */
class UtcDateTimeScalarTest {

    @SuppressWarnings("unchecked")
    private final Coercing<OffsetDateTime, String> dateTime =
            (Coercing<OffsetDateTime, String>) UtcDateTimeScalar.scalar().getCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void everyResultIsUtcWithZAndExactlyThreeFractionDigits() {
        assertThat(serialize(Instant.parse("2026-11-29T17:30:00Z"))).isEqualTo("2026-11-29T17:30:00.000Z");
        // finer than a millisecond is cut, never rounded up into the next one
        assertThat(serialize(Instant.parse("2026-11-29T17:30:00.123999Z"))).isEqualTo("2026-11-29T17:30:00.123Z");
        assertThat(serialize(OffsetDateTime.parse("2026-11-29T14:30:00-03:00"))).isEqualTo("2026-11-29T17:30:00.000Z");
        assertThat(serialize(Instant.parse("2026-11-29T14:30:00Z").atZone(ZoneId.of("America/Sao_Paulo"))))
                .isEqualTo("2026-11-29T14:30:00.000Z");
    }

    @Test
    void anInputWithAnyOffsetIsTheSameInstant() {
        Instant expected = Instant.parse("2026-11-29T17:30:00Z");
        assertThat(dateTime.parseValue("2026-11-29T14:30:00-03:00", context, Locale.ROOT).toInstant()).isEqualTo(expected);
        assertThat(dateTime.parseValue("2026-11-29T17:30:00.000Z", context, Locale.ROOT).toInstant()).isEqualTo(expected);
        assertThat(dateTime.parseLiteral(new StringValue("2026-11-29T19:30:00+02:00"), CoercedVariables.emptyVariables(),
                context, Locale.ROOT).toInstant()).isEqualTo(expected);
        assertThat(dateTime.parseValue("2026-11-29T14:30:00-03:00", context, Locale.ROOT).getOffset())
                .isEqualTo(ZoneOffset.ofHours(-3));
    }

    @Test
    void aRefusalNamesAShortPrefixAndTheExpectedForm() {
        assertThatThrownBy(() -> dateTime.parseValue("2026-11-29T14:30:00", context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasMessage("Not a DateTime: \"2026-11-29T14:30:00\"; expected an RFC 3339 date-time with an offset, "
                        + "e.g. \"2026-11-29T14:30:00-03:00\" or \"2026-11-29T17:30:00Z\".");
        assertThatThrownBy(() -> dateTime.parseLiteral(new StringValue("x".repeat(100_000)), CoercedVariables.emptyVariables(),
                context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseLiteralException.class,
                        refused -> assertThat(refused.getMessage()).hasSizeLessThan(200));
        assertThatThrownBy(() -> dateTime.parseValue(1_700_000_000, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageStartingWith("A DateTime is a string")
                .hasMessageNotContaining("Integer");
    }

    private String serialize(Object value) {
        return dateTime.serialize(value, context, Locale.ROOT);
    }
}
