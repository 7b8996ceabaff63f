package br.com.healthmed.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/dynamodb.md is the map of the single table: every key prefix the main code spells must be on it, and every
 * prefix on it must be one the code spells. Prefixes are read from every string literal of the main sources that
 * starts with upper-case words each ended by {@code #} ({@code "ACCOUNT#"}, {@code "UPLOADS#PENDING#"},
 * {@code "E#%019d"}), and the {@code "#APPTS"}-like suffixes, wherever they are declared (a module's key class in
 * its store package, mostly). The page also names every key class, and platform's Keys spells no prefix: it keeps
 * only the table mechanics.
 */
class DynamoDbDocumentationTest {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern PREFIX = Pattern.compile("^(?:[A-Z][A-Z0-9_]*#)+");
    private static final Pattern SUFFIX = Pattern.compile("#[A-Z][A-Z0-9_]*");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");
    /** A prefix inside a code span of the page, not the tail of a longer word. */
    private static final Pattern PAGE_PREFIX = Pattern.compile("(?<![A-Za-z0-9_#])(?:[A-Z][A-Z0-9_]*#)+");

    @Test
    void everyKeyPrefixOfTheCodeIsOnThePageAndNoOther() throws IOException {
        Set<String> literals = literals(Path.of("src/main/java"));
        Set<String> prefixes = literals.stream().map(PREFIX::matcher).filter(Matcher::find).map(Matcher::group)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> suffixes = literals.stream().filter(l -> SUFFIX.matcher(l).matches()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(prefixes).as("the code's key prefixes").contains("ACCOUNT#", "SLOT#", "CONSENT#", "NOTIFY#", "UPLOADS#PENDING#");

        String spans = codeSpans(Files.readString(Path.of("docs/dynamodb.md")));
        assertThat(prefixes.stream().filter(prefix -> !spans.contains(prefix)).toList())
                .as("key prefixes the code builds but docs/dynamodb.md does not show").isEmpty();
        assertThat(suffixes.stream().filter(suffix -> !spans.contains(suffix)).toList())
                .as("key suffixes the code builds but docs/dynamodb.md does not show").isEmpty();

        Set<String> firstWords = prefixes.stream().map(DynamoDbDocumentationTest::firstWord).collect(Collectors.toSet());
        Set<String> onThePage = PAGE_PREFIX.matcher(spans).results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(onThePage).as("prefixes on docs/dynamodb.md").isNotEmpty();
        assertThat(onThePage.stream().filter(prefix -> !prefixes.contains(prefix) && !firstWords.contains(firstWord(prefix))).toList())
                .as("prefixes on docs/dynamodb.md that the code builds nowhere (nor starts a key with)").isEmpty();
    }

    @Test
    void thePageNamesEveryModulesKeyClassAndPlatformSpellsNoPrefix() throws IOException {
        Set<String> keyClasses;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            keyClasses = files.filter(f -> f.getParent().endsWith("store") && f.getFileName().toString().endsWith("Keys.java"))
                    .map(f -> f.getParent().getParent().getFileName() + ".store." + f.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(keyClasses).as("the modules' key classes").contains("scheduling.store.SlotKeys", "identity.store.AccountKeys");
        String spans = codeSpans(Files.readString(Path.of("docs/dynamodb.md")));
        assertThat(keyClasses.stream().filter(c -> !spans.contains(c)).toList())
                .as("key classes docs/dynamodb.md does not name").isEmpty();

        String platformKeys = Files.readString(Path.of("src/main/java/br/com/healthmed/platform/storage/Keys.java"));
        assertThat(STRING_LITERAL.matcher(platformKeys).results().map(m -> m.group(1)).filter(l -> PREFIX.matcher(l).find()).toList())
                .as("key prefixes spelled in platform's Keys").isEmpty();
    }

    @Test
    void prefixesAreReadFromLiteralsAndCodeSpans() {
        assertThat(PREFIX.matcher("E#%019d").results().map(m -> m.group()).toList()).containsExactly("E#");
        assertThat(PREFIX.matcher("LOGIN#").results().map(m -> m.group()).toList()).containsExactly("LOGIN#");
        assertThat(PREFIX.matcher("Bearer #1").find()).isFalse();
        assertThat(PAGE_PREFIX.matcher(codeSpans("`LOGIN#EMAIL#<e-mail>` and `<start>#<slot>` and `first#<acct>`"))
                .results().map(m -> m.group()).toList()).containsExactly("LOGIN#EMAIL#");
    }

    private static String firstWord(String prefix) {
        return prefix.substring(0, prefix.indexOf('#') + 1);
    }

    private static String codeSpans(String markdown) {
        return CODE_SPAN.matcher(markdown).results().map(m -> m.group(1)).collect(Collectors.joining(" "));
    }

    private static Set<String> literals(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return STRING_LITERAL.matcher(Files.readString(f)).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
