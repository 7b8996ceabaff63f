package br.com.healthmed.platform.graphql;

import br.com.healthmed.platform.error.PlatformErrors;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code scalar Decimal}: an exact decimal number as a JSON string, e.g. {@code "350.00"}, so that no
 * client parses money into a binary floating-point number. Results keep the scale the value has
 * ({@code 350.00} stays {@code "350.00"}, never {@code 350} or {@code 3.5E+2}).
 *
 * <p>Inputs are strings of digits with an optional fraction; an integer (a GraphQL {@code Int} literal or
 * a JSON integer) is taken as well, since it is exact. A number with a fraction is refused: in JSON it
 * may already have been rounded by the client's binary floating point ({@code 0.1 + 0.2}), and taking
 * it would hide that. An integer has the same bound of {@code MAX_LENGTH} characters as a string. Refusals
 * carry {@code BAD_USER_INPUT} and echo at most a short prefix of the value.
 */
final class DecimalScalar {

    static final String NAME = "Decimal";

    /** Enough for any amount of money; bounds the work a hostile value can cause. */
    private static final int MAX_LENGTH = 40;
    private static final int ECHOED = 20;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String FORM = "a Decimal is a string of digits with an optional '.' and fraction, e.g. \"350.00\"";

    private DecimalScalar() {
    }

    static GraphQLScalarType scalar() {
        return GraphQLScalarType.newScalar().name(NAME).coercing(new DecimalCoercing()).build();
    }

    private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
                return value.toString();
            }
            // Our own value of the wrong type: a programming error, reported as INTERNAL_ERROR.
            throw new CoercingSerializeException("A Decimal field returned a value that is not an exact number.");
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            if (input instanceof String text) {
                return parse(text, DecimalScalar::invalidValue);
            }
            if (input instanceof BigInteger integer) {
                return integer(integer, DecimalScalar::invalidValue);
            }
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return new BigDecimal(input.toString());
            }
            if (input instanceof Number) {
                throw invalidValue(fractionRefused());
            }
            throw invalidValue("Expected a string: " + FORM + ".");
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            if (input instanceof StringValue text && text.getValue() != null) {
                return parse(text.getValue(), DecimalScalar::invalidLiteral);
            }
            if (input instanceof IntValue integer) {
                return integer(integer.getValue(), DecimalScalar::invalidLiteral);
            }
            if (input instanceof FloatValue) {
                throw invalidLiteral(fractionRefused());
            }
            throw invalidLiteral("Expected a string: " + FORM + ".");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }
    }

    private static BigDecimal parse(String text, Function<String, ? extends RuntimeException> refusal) {
        if (text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            throw refusal.apply("Not a Decimal: " + prefix(text) + "; " + FORM
                    + " (at most " + MAX_LENGTH + " characters, no exponent).");
        }
        return new BigDecimal(text);
    }

    /**
     * An integer within the same {@code MAX_LENGTH} as a string: a 5,000-digit literal or JSON number must not
     * reach the domain either. Its size in bits is checked first, so a huge one is refused without printing it.
     */
    private static BigDecimal integer(BigInteger value, Function<String, ? extends RuntimeException> refusal) {
        if (value.bitLength() > 4 * MAX_LENGTH) { // 2^160 has 49 digits: surely too long, known without toString
            throw refusal.apply("Not a Decimal: an integer of more than " + MAX_LENGTH + " digits; " + FORM
                    + " (at most " + MAX_LENGTH + " characters, no exponent).");
        }
        return parse(value.toString(), refusal);
    }

    private static String fractionRefused() {
        return "A number with a fraction is refused because it may already have lost digits: send a string, e.g. \"350.00\".";
    }

    private static String prefix(String text) {
        return "\"" + (text.length() <= ECHOED ? text : text.substring(0, ECHOED) + "…") + "\"";
    }

    private static Map<String, Object> badUserInput() {
        return Map.of("code", PlatformErrors.BAD_USER_INPUT.name());
    }

    private static CoercingParseValueException invalidValue(String message) {
        return CoercingParseValueException.newCoercingParseValueException().message(message).extensions(badUserInput()).build();
    }

    private static CoercingParseLiteralException invalidLiteral(String message) {
        return CoercingParseLiteralException.newCoercingParseLiteralException().message(message).extensions(badUserInput()).build();
    }
}
