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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The extended scalars the schema declares in {@code schema/platform.graphqls}. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfig {

    @Bean
    RuntimeWiringConfigurer extendedScalars() {
        return wiring -> wiring
                // Domain code keeps instants; the API shows them as ISO-8601 in UTC.
                .scalar(serialisingAs(ExtendedScalars.DateTime,
                        value -> value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value))
                // ExtendedScalars.Date would take 1990-02-30 as 1990-02-28.
                .scalar(strictDates(ExtendedScalars.Date))
                .scalar(ExtendedScalars.LocalTime)
                .scalar(ExtendedScalars.GraphQLLong)
                // Typed ids (AccountId, ...) serialise to their UUID.
                .scalar(serialisingAs(ExtendedScalars.UUID,
                        value -> value instanceof EntityId id ? id.value() : value))
                .scalar(ExtendedScalars.NonNegativeInt)
                .scalar(ExtendedScalars.PositiveInt)
                .scalar(ExtendedScalars.Url)
                .scalar(ExtendedScalars.GraphQLBigDecimal);
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
