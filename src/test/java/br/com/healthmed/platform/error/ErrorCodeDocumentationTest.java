package br.com.healthmed.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Front-end developers handle errors by code from the table in docs/api.md: it must list every code of
 * {@link ErrorCode} once, no other, and say of each what {@link ErrorCode#description()} says (the cell with its
 * Markdown taken out: code spans and links read as their text).
 */
class ErrorCodeDocumentationTest {

    /** A row of the error table: {@code | `CODE` | when |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    @Test
    void docsApiListsEveryErrorCodeOnceWithItsDescription() throws IOException {
        List<String[]> rows = rows(Files.readString(Path.of("docs/api.md")));
        List<String> documented = rows.stream().map(row -> row[0]).toList();

        assertThat(documented).as("codes in docs/api.md").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        Map<String, String> described = rows.stream().collect(Collectors.toMap(row -> row[0], row -> plain(row[1])));
        Map<String, String> descriptions = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(Enum::name, ErrorCode::description, (a, b) -> a, LinkedHashMap::new));
        assertThat(described).as("the table's 'when' column against ErrorCode.description()").isEqualTo(descriptions);
    }

    @Test
    void rowsAreReadAsTheirPlainText() {
        List<String[]> rows = rows("| code | when |\n| --- | --- |\n| `A_CODE` | `x` fails, see [docs/events.md](events.md). |\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("A_CODE");
        assertThat(plain(rows.get(0)[1])).isEqualTo("x fails, see docs/events.md.");
    }

    private static List<String[]> rows(String markdown) {
        Matcher matcher = ROW.matcher(markdown);
        return matcher.results().map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    private static String plain(String cell) {
        return LINK.matcher(cell).replaceAll("$1").replace("`", "");
    }

}
