package br.com.healthmed.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code scalar DateTime} (https://scalars.graphql.org/andimarek/date-time, RFC 3339). Every result is
 * in UTC, written {@code Z}, with exactly three fraction digits: {@code 2026-11-29T17:30:00.000Z}, so
 * results of one field all have one shape and sort as text. Domain code keeps {@link Instant}s and a
 * result is written straight from one. An input may carry any offset ({@code 2026-11-29T14:30:00-03:00}
 * is the same instant) and becomes an {@link OffsetDateTime}, parsed by graphql-java-extended-scalars.
 * A refused input is named by a short prefix only, never echoed whole.
 */
final class UtcDateTimeScalar {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int ECHOED = 40;
    private static final String FORM = "expected an RFC 3339 date-time with an offset, e.g. \"2026-11-29T14:30:00-03:00\" or \"2026-11-29T17:30:00Z\"";

    private UtcDateTimeScalar() {
    }

    static GraphQLScalarType scalar() {
        return ExtendedScalars.DateTime.transform(builder -> builder.coercing(new UtcCoercing()));
    }

    /** The text of a result: {@code instant} in UTC to the millisecond. */
    static String format(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    private static final class UtcCoercing implements Coercing<OffsetDateTime, String> {

        @SuppressWarnings("unchecked")
        private final Coercing<OffsetDateTime, String> parser =
                (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime.getCoercing();

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            if (value instanceof Instant instant) {
                return format(instant);
            }
            if (value instanceof OffsetDateTime dateTime) {
                return format(dateTime.toInstant());
            }
            if (value instanceof ZonedDateTime dateTime) {
                return format(dateTime.toInstant());
            }
            // Our own value of the wrong type: a programming error, reported as INTERNAL_ERROR.
            throw new CoercingSerializeException("A DateTime field returned a value that is not an instant.");
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            try {
                return parser.parseValue(input, context, locale);
            } catch (CoercingParseValueException refused) {
                throw new CoercingParseValueException(refusal(input));
            }
        }

        @Override
        public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            try {
                return parser.parseLiteral(input, variables, context, locale);
            } catch (CoercingParseLiteralException refused) {
                throw new CoercingParseLiteralException(refusal(input instanceof StringValue text && text.getValue() != null
                        ? text.getValue() : input));
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }
    }

    private static String refusal(Object input) {
        if (!(input instanceof String text)) {
            return "A DateTime is a string: " + FORM + ".";
        }
        String prefix = text.length() <= ECHOED ? text : text.substring(0, ECHOED) + "…";
        return "Not a DateTime: \"" + prefix + "\"; " + FORM + ".";
    }
}
