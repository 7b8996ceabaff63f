package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a front-end team gets from {@code clients/}: GraphQL Code Generator with {@code clients/codegen.ts}
 * types the example operations against {@code schema/*.graphqls} (every custom scalar mapped, or it
 * fails), and the example TypeScript that uses them passes {@code tsc --strict}. A file that misreads
 * a field's type is refused, so a passing check means the types are really checked. The generated
 * files go to {@code target/clients/generated} and are never committed.
 */
class ClientCodegenTest {

    private static final Path GENERATED = Path.of("target/clients/generated");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static NodeTools.Run codegen;

    @BeforeAll
    static void generateTheTypes() throws IOException {
        deleteRecursively(GENERATED);
        codegen = NodeTools.bin("graphql-codegen", List.of("--config", "clients/codegen.ts"), TIMEOUT);
    }

    @Test
    void codegenTypesTheExampleOperations() {
        assertThat(codegen.exitCode()).as("graphql-codegen printed:%n%s", codegen.output()).isZero();
        assertThat(GENERATED.resolve("schema.ts")).exists();
        assertThat(GENERATED.resolve("operations.ts")).content()
                .contains("export type SearchDoctorsQuery = ", "export type DoctorCardFragment = ",
                        "export type BookAppointmentMutation = ", "export type MyAppointmentsQuery = ",
                        "export type AppointmentEventsSubscription = ");
    }

    @Test
    void theExampleTypeChecksStrictly() {
        assertThat(codegen.succeeded()).as(codegen.output()).isTrue();

        NodeTools.Run tsc = typeCheck("clients/example/tsconfig.json");

        assertThat(tsc.exitCode()).as("tsc printed:%n%s", tsc.output()).isZero();
    }

    @Test
    void aClientThatMisreadsAFieldIsRefused() {
        assertThat(codegen.succeeded()).as(codegen.output()).isTrue();

        NodeTools.Run tsc = typeCheck("src/test/resources/clients/tsconfig.json");

        assertThat(tsc.exitCode()).as(tsc.output()).isNotZero();
        assertThat(tsc.output())
                .contains("misread-answer.ts(6,9): error TS2322: Type ")
                .contains("misread-answer.ts(11,55): error TS2339: Property 'doctor' does not exist");
    }

    private static NodeTools.Run typeCheck(String project) {
        return NodeTools.bin("tsc", List.of("-p", project, "--noEmit", "--strict", "--pretty", "false"), TIMEOUT);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
