package br.com.healthmed.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Front-end developers handle errors by code from the README's table: it must list exactly the codes there are. */
class ErrorCodeDocumentationTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theReadmeListsEveryErrorCodeAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = TABLE_ROW.matcher(readme);
        Set<String> documented = rows.results().map(m -> m.group(1)).collect(Collectors.toSet());

        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(codes);
    }
}
