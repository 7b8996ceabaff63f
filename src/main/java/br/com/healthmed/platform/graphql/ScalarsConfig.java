package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.EntityId;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The custom scalars the schema declares in {@code schema/platform.graphqls} (most from
 * graphql-java-extended-scalars), and the fields of {@code type Money}. docs/api.md, "Scalars and
 * money", gives each one's JSON form.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfig {

    @Bean
    RuntimeWiringConfigurer extendedScalars() {
        return wiring -> {
            Stream.of(
                    // Domain code keeps instants; the API shows them in UTC.
                    UtcDateTimeScalar.scalar(),
                    // ExtendedScalars.Date would take 1990-02-30 as 1990-02-28.
                    strictDates(ExtendedScalars.Date),
                    ExtendedScalars.LocalTime,
                    ExtendedScalars.GraphQLLong,
                    // Typed ids (AccountId, ...) serialise to their UUID.
                    serialisingAs(ExtendedScalars.UUID, value -> value instanceof EntityId id ? id.value() : value),
                    ExtendedScalars.NonNegativeInt,
                    ExtendedScalars.PositiveInt,
                    ExtendedScalars.Url,
                    DecimalScalar.scalar())
                    .map(ScalarsConfig::describedBySchema)
                    .forEach(wiring::scalar);
            MoneyFields.wire(wiring);
        };
    }

    /**
     * The scalar without the library's own description and specification URL: graphql-java prefers a
     * wired scalar's description to the SDL's, so introspection (GraphiQL, code generators reading the
     * endpoint) would show "A Long Scalar" while the schema files say what the JSON holds. The SDL is
     * the one source of both.
     */
    private static GraphQLScalarType describedBySchema(GraphQLScalarType scalar) {
        return scalar.transform(builder -> builder.description(null).specifiedByUrl(null));
    }

    /** The same scalar, with {@code adapt} applied to values before the scalar serialises them. */
    @SuppressWarnings("unchecked")
    private static GraphQLScalarType serialisingAs(GraphQLScalarType scalar, UnaryOperator<Object> adapt) {
        Coercing<Object, Object> original = (Coercing<Object, Object>) scalar.getCoercing();
        return scalar.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return original.serialize(adapt.apply(value), context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
                return original.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                    throws CoercingParseLiteralException {
                return original.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return original.valueToLiteral(adapt.apply(input), context, locale);
            }
        }));
    }

    /**
     * The same date scalar, refusing a string that is not an existing calendar date in
     * {@code YYYY-MM-DD} form ({@link LocalDate#parse} is strict: no February 30th, no month 13)
     * before the scalar itself sees it, whether it comes as a variable or as a literal.
     */
    @SuppressWarnings("unchecked")
    private static GraphQLScalarType strictDates(GraphQLScalarType scalar) {
        Coercing<Object, Object> original = (Coercing<Object, Object>) scalar.getCoercing();
        return scalar.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return original.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
                if (input instanceof String text && !isCalendarDate(text)) {
                    throw new CoercingParseValueException(invalidDate(text));
                }
                return original.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                    throws CoercingParseLiteralException {
                if (input instanceof StringValue literal && !isCalendarDate(literal.getValue())) {
                    throw new CoercingParseLiteralException(invalidDate(literal.getValue()));
                }
                return original.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return original.valueToLiteral(input, context, locale);
            }
        }));
    }

    private static boolean isCalendarDate(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notOne) {
            return false;
        }
    }

    private static String invalidDate(@Nullable String text) {
        return "Invalid date '" + text + "': expected an existing calendar date as YYYY-MM-DD";
    }
}
