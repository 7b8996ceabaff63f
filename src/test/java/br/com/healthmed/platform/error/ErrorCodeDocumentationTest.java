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
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Front-end developers handle errors by code from the table in docs/api.md: it must list every code of
 * every {@link ErrorCode} enum (platform's and each module's, found on the classpath) once, no other, and
 * say of each what {@link ErrorCode#description()} says (the cell with its Markdown taken out: code spans
 * and links read as their text). Two enums declaring the same name would make one client code mean two
 * things, so that fails too.
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
                .containsExactlyInAnyOrderElementsOf(allCodes().stream().map(ErrorCode::name).toList());
        Map<String, String> described = rows.stream().collect(Collectors.toMap(row -> row[0], row -> plain(row[1])));
        Map<String, String> descriptions = allCodes().stream()
                .collect(Collectors.toMap(ErrorCode::name, ErrorCode::description, (a, b) -> a, LinkedHashMap::new));
        assertThat(described).as("the table's 'when' column against ErrorCode.description()").isEqualTo(descriptions);
    }

    @Test
    void noTwoEnumsDeclareTheSameCode() {
        Map<String, List<String>> declaredBy = allCodes().stream().collect(Collectors.groupingBy(ErrorCode::name,
                Collectors.mapping(code -> code.getClass().getSimpleName(), Collectors.toList())));
        assertThat(declaredBy).as("codes declared by more than one enum")
                .allSatisfy((code, enums) -> assertThat(enums).as(code).hasSize(1));
        assertThat(enumsOnTheClasspath()).as("every module's enum is found")
                .contains(PlatformErrors.class.getName(), "br.com.healthmed.scheduling.SchedulingErrors",
                        "br.com.healthmed.records.RecordsErrors", "br.com.healthmed.identity.IdentityErrors");
    }

    @Test
    void rowsAreReadAsTheirPlainText() {
        List<String[]> rows = rows("| code | when |\n| --- | --- |\n| `A_CODE` | `x` fails, see [docs/events.md](events.md). |\n"
                + "\n| scalar | JSON |\n| --- | --- |\n| `UUID` | string |\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("A_CODE");
        assertThat(plain(rows.get(0)[1])).isEqualTo("x fails, see docs/events.md.");
    }

    /** Every constant of every enum under br.com.healthmed that implements {@link ErrorCode}. */
    static List<ErrorCode> allCodes() {
        return enumsOnTheClasspath().stream().flatMap(name -> {
            try {
                return Arrays.stream((ErrorCode[]) Class.forName(name).getEnumConstants());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> enumsOnTheClasspath() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        return scanner.findCandidateComponents("br.com.healthmed").stream()
                .map(BeanDefinition::getBeanClassName).sorted().toList();
    }

    /** The rows of the tables headed {@code | code | when |}; other tables (e.g. the scalars') are not codes. */
    private static List<String[]> rows(String markdown) {
        StringBuilder errorTables = new StringBuilder();
        boolean inErrorTable = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("| code | when |")) {
                inErrorTable = true;
            } else if (!line.startsWith("|")) {
                inErrorTable = false;
            }
            if (inErrorTable) {
                errorTables.append(line).append('\n');
            }
        }
        Matcher matcher = ROW.matcher(errorTables);
        return matcher.results().map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    private static String plain(String cell) {
        return LINK.matcher(cell).replaceAll("$1").replace("`", "");
    }

}
