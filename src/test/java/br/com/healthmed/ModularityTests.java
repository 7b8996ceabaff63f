package br.com.healthmed;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.modules.PublishedApis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no cycles, no reaching into another module's internal packages. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(HealthMedApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Only what a module publishes (@NamedInterface("api")) is used by the others; see {@link PublishedApis}. */
    @Test
    void modulesUseOnlyEachOthersPublishedApis() {
        List<String> reachIns = PublishedApis.reachIns(modules);
        assertThat(reachIns).as("%d reach-ins:%n%s", reachIns.size(), String.join(System.lineSeparator(), reachIns)).isEmpty();
    }

    /** The module diagrams (target/spring-modulith-docs): one per module, and every module in the overview. */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path folder = Path.of("target", "spring-modulith-docs"); // the Documenter's default
        if (Files.isDirectory(folder)) { // what an earlier run wrote proves nothing
            try (var old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String overview = Files.readString(folder.resolve("components.puml"));
        assertThat(modules.stream()).hasSizeGreaterThanOrEqualTo(10);
        for (ApplicationModule module : modules) {
            assertThat(overview).as("the overview names %s", module.getDisplayName()).contains("\"" + module.getDisplayName() + "\"");
            assertThat(Files.readString(folder.resolve("module-" + module.getIdentifier() + ".puml")))
                    .as("the diagram of %s", module.getIdentifier()).contains("title <size:24>" + module.getDisplayName() + "</size>");
        }
    }
}
