package br.com.healthmed.platform.graphql;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's message for a bad literal argument quotes the literal as its syntax-tree node, e.g.
 * {@code argument 'input.consultationPrice' with value 'FloatValue{value=349.9}' is not a valid 'Decimal'}:
 * a Java class name, and the whole literal however long it is (a megabyte sent is a megabyte echoed).
 * This cuts the quoted value out; the argument's name, the type and the scalar's own explanation stay.
 */
final class EchoedLiterals {

    /** The {@code with value '…'} of graphql-java's ArgumentValidationUtil messages, up to the verdict that follows it. */
    private static final Pattern ECHO = Pattern.compile(
            "(argument '[^']*') with value '.*?' (is not a valid|must not be null|must be an object type"
                    + "|is missing required fields|contains a field not in)",
            Pattern.DOTALL);

    private EchoedLiterals() {
    }

    static boolean echoes(@Nullable String message) {
        return message != null && message.contains("' with value '") && ECHO.matcher(message).find();
    }

    /** The message without the quoted literal; unchanged when it quotes none. */
    static String removed(String message) {
        return echoes(message) ? ECHO.matcher(message).replaceFirst("$1 $2") : message;
    }
}
