package br.com.healthmed.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.support.NodeTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official GraphQL-over-HTTP audit (graphql-http 1.23.1's {@code auditServer}, the one the
 * graphql-http project publishes for each server) passes with no error and no warning: every MUST and
 * every SHOULD it checks holds, GET requests included. Its output is printed, one audit per line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlHttpAuditTest {

    private static final Path SCRIPT = Path.of("src/test/resources/clients/graphql-http-audit.mjs");

    @LocalServerPort
    int port;

    @Test
    void theGraphQlHttpAuditPassesWithNoErrorAndNoWarning() {
        NodeTools.Run run = NodeTools.node(SCRIPT, List.of("http://localhost:" + port + "/graphql"), Duration.ofMinutes(2));

        System.out.println(run.output());
        assertThat(run.output()).as("the audit ran").contains("audits, ");
        assertThat(run.output().lines().filter(line -> line.startsWith("error ") || line.startsWith("warn ")))
                .as("audits that ended in error or warn").isEmpty();
        assertThat(run.succeeded()).as(run.output()).isTrue();
    }
}
