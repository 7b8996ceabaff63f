package br.com.healthmed.platform.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an error message fit for a client, whoever wrote it: graphql-java's validation and coercion
 * messages name Java classes ({@code Expected a 'java.util.UUID' AST type object but was 'IntValue'})
 * and print literals as AST objects ({@code IntValue{value=1}}), and a scalar's message may repeat the
 * bad value whole (a 1 MB string literal came back as a 1 MB message). Here:
 *
 * <ul>
 *   <li>AST values are written as GraphQL literals ({@code 1}, {@code "abc"}, {@code [1, 2]},
 *       {@code {a: 1}}), a bare AST class name as the kind of literal ({@code an Int literal});</li>
 *   <li>a qualified Java class name becomes the GraphQL type it stands for ({@code java.util.UUID}:
 *       {@code UUID}) or {@code value}; an exception's class name is dropped;</li>
 *   <li>no run of characters without a space is longer than {@value #MAX_TOKEN} characters (the rest is
 *       "…"), and the whole message is at most {@value #MAX_MESSAGE}.</li>
 * </ul>
 *
 * Generic on purpose: it does not know graphql-java's message texts, only the shapes of what must not
 * leak, so a new message of a new version is held to the same rules.
 */
final class ErrorMessages {

    static final int MAX_TOKEN = 40;
    static final int MAX_MESSAGE = 300;

    // Braces and brackets of literals already rewritten, kept apart from the AST's own while nested
    // values are rewritten innermost first.
    private static final char OPEN_OBJECT = '\uE000';
    private static final char CLOSE_OBJECT = '\uE001';
    private static final char OPEN_LIST = '\uE002';
    private static final char CLOSE_LIST = '\uE003';

    private static final Pattern SCALAR_VALUE = Pattern.compile("\\b(?:Int|Float|Boolean)Value\\{value=([^{}\\[\\]]*?)}");
    private static final Pattern STRING_VALUE = Pattern.compile("\\bStringValue\\{value='((?:[^']++|'(?!}))*+)'}");
    private static final Pattern ENUM_VALUE = Pattern.compile("\\bEnumValue\\{name='([^']*)'}");
    private static final Pattern NULL_VALUE = Pattern.compile("\\bNullValue(?:\\{})?(?=\\W|$)");
    private static final Pattern VARIABLE = Pattern.compile("\\bVariableReference\\{name='([^']*)'}");
    private static final Pattern FIELD = Pattern.compile("\\bObjectField\\{name='([^']*)', value=([^{}\\[\\]]*?)}");
    private static final Pattern OBJECT = Pattern.compile("\\bObjectValue\\{objectFields=\\[([^{}\\[\\]]*)]}");
    private static final Pattern LIST = Pattern.compile("\\bArrayValue\\{values=\\[([^{}\\[\\]]*)]}");
    private static final Pattern AST_KIND = Pattern.compile("'?\\b(Int|Float|String|Boolean|Enum|Array|Object|Null)Value\\b'?");
    private static final Pattern AST_TYPE_OBJECT = Pattern.compile(" AST type object|AST type ");
    private static final Pattern EXCEPTION = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern QUALIFIED = Pattern.compile("(?:\\bclass\\s+)?\\b(?:[a-z][\\w$]*\\.)+([A-Z][\\w$]*)\\b");
    private static final Pattern TOKEN = Pattern.compile("\\S{" + (MAX_TOKEN + 1) + ",}");
    /** graphql-java's {@code (WrongType@[doctor/agenda])}: the rule and the path, the client's own names. */
    private static final Pattern RULE_AND_PATH = Pattern.compile("\\(\\w{1,60}@\\[[\\w/]{0,80}]\\)");

    /**
     * graphql-java's argument messages quote the whole literal ({@code argument 'input.consultationPrice'
     * with value 'FloatValue{value=349.9}' is not a valid 'Decimal'}): the quote is cut out, the argument's
     * name, the verdict and the scalar's explanation stay.
     */
    private static final Pattern ARGUMENT_ECHO = Pattern.compile(
            "(argument '[^']*') with value '.*?' (is not a valid|must not be null|must be an object type"
                    + "|is missing required fields|contains a field not in)",
            Pattern.DOTALL);
    /** Nesting a literal's rewriting follows; deeper remnants are named by their kind (the walk stays linear). */
    private static final int MAX_NESTING = 8;

    private static final Map<String, String> KINDS = Map.of("Int", "an Int literal", "Float", "a Float literal",
            "String", "a String literal", "Boolean", "a Boolean literal", "Enum", "an enum value", "Array", "a list",
            "Object", "an input object", "Null", "null");
    private static final Map<String, String> JAVA_TYPES = Map.ofEntries(Map.entry("UUID", "UUID"), Map.entry("String", "String"),
            Map.entry("Integer", "Int"), Map.entry("Long", "Long"), Map.entry("Short", "Int"), Map.entry("Byte", "Int"),
            Map.entry("Double", "Float"), Map.entry("Float", "Float"), Map.entry("Boolean", "Boolean"),
            Map.entry("BigDecimal", "BigDecimal"), Map.entry("BigInteger", "Long"), Map.entry("OffsetDateTime", "DateTime"),
            Map.entry("ZonedDateTime", "DateTime"), Map.entry("Instant", "DateTime"), Map.entry("LocalDate", "Date"),
            Map.entry("LocalTime", "LocalTime"), Map.entry("URL", "Url"), Map.entry("URI", "Url"));

    private ErrorMessages() {}

    static String clean(String message) {
        String text = message.contains("' with value '") ? ARGUMENT_ECHO.matcher(message).replaceFirst("$1 $2") : message;
        text = literals(text);
        text = AST_TYPE_OBJECT.matcher(text).replaceAll("");
        text = replace(AST_KIND, text, m -> KINDS.get(m.group(1)));
        text = EXCEPTION.matcher(text).replaceAll("");
        text = replace(QUALIFIED, text, m -> JAVA_TYPES.getOrDefault(m.group(1), "value"));
        text = replace(TOKEN, text, m -> RULE_AND_PATH.matcher(m.group()).matches() ? m.group() : shortened(m.group()));
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }

    /** AST values written as GraphQL literals, innermost first. */
    private static String literals(String message) {
        String text = message;
        String before;
        int passes = 0;
        do {
            before = text;
            text = replace(SCALAR_VALUE, text, m -> m.group(1));
            text = replace(STRING_VALUE, text, m -> "\"" + m.group(1) + "\"");
            text = replace(ENUM_VALUE, text, m -> m.group(1));
            text = NULL_VALUE.matcher(text).replaceAll("null");
            text = replace(VARIABLE, text, m -> "$" + m.group(1));
            text = replace(FIELD, text, m -> m.group(1) + ": " + m.group(2));
            text = replace(OBJECT, text, m -> OPEN_OBJECT + m.group(1) + CLOSE_OBJECT);
            text = replace(LIST, text, m -> OPEN_LIST + m.group(1) + CLOSE_LIST);
        } while (!text.equals(before) && ++passes < MAX_NESTING);
        return text.replace(OPEN_OBJECT, '{').replace(CLOSE_OBJECT, '}').replace(OPEN_LIST, '[').replace(CLOSE_LIST, ']');
    }

    /** The first {@value #MAX_TOKEN} characters and "…", keeping a quote that opened the token. */
    private static String shortened(String token) {
        char first = token.charAt(0);
        boolean quoted = first == '\'' || first == '"';
        return token.substring(0, MAX_TOKEN) + "…" + (quoted ? String.valueOf(first) : "");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
    }
}
