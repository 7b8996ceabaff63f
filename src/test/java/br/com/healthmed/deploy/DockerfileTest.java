package br.com.healthmed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile read instruction by instruction (no Docker engine here): a JDK 17 build stage, a
 * JRE 21+ runtime stage that holds only the Spring Boot layers, runs as a non-root user with
 * container-aware memory, and exposes the ports the application really listens on.
 */
class DockerfileTest {

    record Instruction(String keyword, String arguments) {}

    record Stage(String image, List<Instruction> instructions) {
        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }
    }

    static List<Stage> stages() throws IOException {
        String text = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\n", " ");
        List<Stage> stages = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new Stage(instruction.arguments().split("\\s+")[0], new ArrayList<>()));
            }
            stages.get(stages.size() - 1).instructions().add(instruction);
        }
        return stages;
    }

    private static Stage runtime() throws IOException {
        List<Stage> stages = stages();
        return stages.get(stages.size() - 1);
    }

    @Test
    void buildsWithMavenOnJdk17AndRunsOnAJre21OrNewer() throws IOException {
        List<Stage> stages = stages();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.get(0).image()).startsWith("maven:").contains("temurin-17");
        assertThat(stages.get(0).all("FROM").get(0)).endsWith("AS build");

        Matcher jre = Pattern.compile("eclipse-temurin:(\\d+)-jre.*").matcher(runtime().image());
        assertThat(jre.matches()).as(runtime().image()).isTrue();
        assertThat(Integer.parseInt(jre.group(1))).isGreaterThanOrEqualTo(21);
    }

    @Test
    void theRuntimeImageHoldsOnlyTheSpringBootLayersInCacheFriendlyOrder() throws IOException {
        List<String> copies = runtime().all("COPY");
        assertThat(copies).allSatisfy(copy -> assertThat(copy).startsWith("--from=build"));
        assertThat(copies).extracting(copy -> copy.replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(runtime().all("ADD")).isEmpty();
        assertThat(String.join("\n", runtime().all("RUN"))).doesNotContain("mvn", "apt-get install", "git");
        assertThat(stages().get(0).all("RUN")).anyMatch(run -> run.contains("-Djarmode=tools") && run.contains("extract --layers"));
    }

    @Test
    void runsAsANonRootUser() throws IOException {
        List<String> users = runtime().all("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0").matches("\\d+");
        // the chart's pod security context runs the same uid
        String deployment = Files.readString(Path.of("helm/healthmed/templates/deployment.yaml"));
        assertThat(deployment).contains("runAsUser: " + user);
    }

    @Test
    void sizesTheHeapFromTheContainerLimit() throws IOException {
        String env = String.join(" ", runtime().all("ENV"));
        assertThat(env).contains("JAVA_TOOL_OPTIONS=").containsPattern("-XX:MaxRAMPercentage=\\d+")
                .contains("-XX:+ExitOnOutOfMemoryError").doesNotContainPattern("-Xmx\\d");
    }

    @Test
    void exposesTheApplicationAndManagementPorts() throws IOException {
        int appPort = (Integer) ((Map<?, ?>) yaml("application.yml").get("server")).get("port");
        int managementPort = (Integer) ((Map<?, ?>) ((Map<?, ?>) yaml("application-prod.yml").get("management")).get("server")).get("port");
        assertThat(String.join(" ", runtime().all("EXPOSE")).split("\\s+"))
                .containsExactlyInAnyOrder(String.valueOf(appPort), String.valueOf(managementPort));
    }

    @Test
    void theBuildContextLeavesOutEverythingButTheSources() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).isEqualTo("*");
        assertThat(ignore.subList(1, ignore.size())).allMatch(l -> l.startsWith("!"))
                .containsExactlyInAnyOrder("!pom.xml", "!schema/", "!src/main/");
        // and what the build stage copies is exactly that
        assertThat(stages().get(0).all("COPY")).containsExactly("pom.xml ./", "schema ./schema", "src/main ./src/main");
    }

    private static Map<String, Object> yaml(String resource) throws IOException {
        try (InputStream in = DockerfileTest.class.getResourceAsStream("/" + resource)) {
            return new Yaml().load(in);
        }
    }
}
