package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import br.com.healthmed.support.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDL front-end teams generate code from ({@code schema/*.graphqls}) passes graphql-schema-linter
 * with the rules of {@code src/test/resources/schema-lint}: everything described, names their code
 * generators turn into type names as they are, connections as Relay and Apollo read them. The
 * fixtures beside the config show a clean schema passes and one undescribed field fails it.
 */
class SchemaLintTest {

    private static final Path CONFIG = Path.of("src/test/resources/schema-lint");
    private static final Path FIXTURES = CONFIG.resolve("fixtures");

    private static final Set<String> DESCRIPTION_RULES = Set.of("types-have-descriptions", "fields-have-descriptions",
            "arguments-have-descriptions", "input-object-values-have-descriptions", "enum-values-have-descriptions",
            "descriptions-are-capitalized", "deprecations-have-a-reason");
    private static final Set<String> RELAY_RULES = Set.of("relay-connection-types-spec",
            "relay-connection-arguments-spec", "relay-page-info-spec", "relay-edge-types-spec");

    private static Lint schema;

    @BeforeAll
    static void lintTheSchema() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            schema = lint(files.filter(file -> file.toString().endsWith(".graphqls")).sorted().toList());
        }
    }

    @Test
    void namingRulesHold() {
        // Every configured rule that is neither a description nor a Relay rule lands here.
        assertNoFindings(schema, rule -> !DESCRIPTION_RULES.contains(rule) && !RELAY_RULES.contains(rule));
    }

    @Test
    void everyTypeFieldArgumentAndValueIsDescribed() {
        assertNoFindings(schema, DESCRIPTION_RULES::contains);
    }

    @Test
    void connectionsFollowTheRelaySpec() {
        assertNoFindings(schema, RELAY_RULES::contains);
    }

    @Test
    void aSchemaThatKeepsEveryRulePasses() {
        Lint clean = lint(List.of(FIXTURES.resolve("clean.graphqls")));

        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertNoFindings(clean, rule -> true);
    }

    @Test
    void anUndescribedFieldFailsTheLint() {
        Lint lint = lint(List.of(FIXTURES.resolve("undescribed-field.graphqls")));

        assertThat(lint.exitCode()).as(lint.output()).isEqualTo(1);
        assertThat(lint.findings()).extracting(Finding::rule, Finding::message)
                .containsExactly(tuple("fields-have-descriptions",
                        "The field `Note.text` is missing a description."));
    }

    @Test
    void theProjectRulesCatchWhatTheLinterLacks() {
        Lint lint = lint(List.of(FIXTURES.resolve("project-rules.graphqls")));

        assertThat(lint.exitCode()).as(lint.output()).isEqualTo(1);
        assertThat(lint.findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("relay-edge-types-spec", "input-object-names-have-suffix");
    }

    private static void assertNoFindings(Lint lint, Predicate<String> rules) {
        // A line that is not a finding is the linter complaining about its config (a rule name it does
        // not know is only a warning, and the rule would silently not run).
        assertThat(lint.otherLines()).as("graphql-schema-linter printed:%n%s", lint.output()).isEmpty();
        List<Finding> findings = lint.findings().stream().filter(finding -> rules.test(finding.rule())).toList();
        assertThat(findings)
                .as("%d findings:%n%s", findings.size(),
                        findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static Lint lint(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("--config-directory", CONFIG.toString(), "--format", "compact"));
        files.forEach(file -> args.add(file.toString()));
        NodeTools.Run run = NodeTools.bin("graphql-schema-linter", args, Duration.ofMinutes(2));
        return Lint.of(run);
    }

    /** One finding of the compact format: {@code path:line:column message (rule)}. */
    record Finding(String location, String message, String rule) {
        private static final Pattern LINE = Pattern.compile("^(\\S+:\\d+:\\d+) (.*) \\(([a-z0-9-]+)\\)$");

        @Override
        public String toString() {
            return location + " " + message + " (" + rule + ")";
        }
    }

    record Lint(int exitCode, List<Finding> findings, List<String> otherLines, String output) {
        static Lint of(NodeTools.Run run) {
            var findings = new ArrayList<Finding>();
            var others = new ArrayList<String>();
            for (String line : run.output().lines().filter(line -> !line.isBlank()).toList()) {
                Matcher finding = Finding.LINE.matcher(line);
                if (finding.matches()) {
                    String location = finding.group(1).replace(Path.of("").toAbsolutePath() + "/", "");
                    findings.add(new Finding(location, finding.group(2), finding.group(3)));
                } else {
                    others.add(line);
                }
            }
            return new Lint(run.exitCode(), findings, others, run.output());
        }
    }
}
