package br.com.healthmed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A lint of {@code .github/workflows/} (GitHub Actions cannot run here; CI also runs actionlint):
 * each workflow parses, every file, folder, called workflow, Terraform output and Helm value a job
 * names exists, CI runs the README's test command, and deploying needs neither stored AWS keys nor
 * an unprotected environment.
 */
class WorkflowsTest {

    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final List<String> ENVIRONMENTS = List.of("staging", "prod");

    @SuppressWarnings("unchecked")
    static Map<String, Object> workflow(String name) throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOWS.resolve(name)));
        assertThat(workflow).as(name).containsKeys("name", "jobs");
        return workflow;
    }

    /** YAML 1.1 reads the key {@code on} as {@code true}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> triggers(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(true);
        assertThat(on).isInstanceOf(Map.class);
        return (Map<String, Object>) on;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
        return (Map<String, Map<String, Object>>) workflow.get("jobs");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
    }

    static List<String> allWorkflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).sorted().toList();
        }
    }

    /** Everything a job runs, with {@code ${{ inputs.environment }}} expanded to each environment. */
    static List<String> scripts(Map<String, Object> workflow) {
        List<String> scripts = new ArrayList<>();
        for (Map<String, Object> job : jobs(workflow).values()) {
            for (Map<String, Object> step : steps(job)) {
                if (step.get("run") instanceof String run) {
                    for (String environment : ENVIRONMENTS) {
                        scripts.add(run.replace("${{ inputs.environment }}", environment));
                    }
                }
            }
        }
        return scripts;
    }

    @Test
    void everyWorkflowParsesAndEveryJobRunsBoundedOnAPinnedRunner() throws IOException {
        assertThat(allWorkflows()).contains("ci.yml", "deploy.yml", "deploy-environment.yml");
        for (String name : allWorkflows()) {
            for (Map.Entry<String, Map<String, Object>> job : jobs(workflow(name)).entrySet()) {
                if (job.getValue().containsKey("uses")) {
                    continue; // a called workflow: checked in its own file
                }
                assertThat(job.getValue()).as("%s: %s", name, job.getKey()).containsKey("timeout-minutes");
                assertThat(String.valueOf(job.getValue().get("runs-on"))).as("%s: %s", name, job.getKey()).doesNotContain("latest");
                for (Map<String, Object> step : steps(job.getValue())) {
                    if (step.get("uses") instanceof String uses && !uses.startsWith("./") && !uses.startsWith("docker://")) {
                        assertThat(uses).as("%s: action version", name).matches("[\\w.-]+/[\\w./-]+@v\\d+(\\.\\d+)*");
                    }
                }
            }
        }
    }

    @Test
    void ciRunsTheReadmeTestCommandAndUploadsTheReports() throws IOException {
        Map<String, Object> ci = workflow("ci.yml");
        assertThat(triggers(ci)).containsKeys("pull_request", "push", "workflow_call");
        Map<String, Object> test = jobs(ci).get("test");
        List<String> runs = steps(test).stream().map(s -> String.valueOf(s.get("run"))).toList();
        assertThat(runs).anyMatch(run -> run.contains(".ci/run") || run.contains("scripts/test"));
        assertThat(Files.readString(Path.of(".ci/run"))).contains("exec scripts/test");
        assertThat(Files.readString(Path.of("README.md"))).contains("```bash\nscripts/test\n```");
        // the prerequisites .ci/run expects of the machine: JDK 17, Maven, Node 20
        assertThat(String.join("\n", runs)).contains("openjdk-17-jdk-headless", "maven");
        assertThat(steps(test)).anySatisfy(s -> assertThat(s).containsEntry("uses", "actions/setup-node@v4")
                .satisfies(step -> assertThat(String.valueOf(step.get("with"))).contains("node-version=20")));
        assertThat(steps(test)).anySatisfy(s -> {
            assertThat(String.valueOf(s.get("uses"))).startsWith("actions/upload-artifact@");
            assertThat(s).containsEntry("if", "always()");
            assertThat(String.valueOf(s.get("with"))).contains("target/surefire-reports/", "target/failsafe-reports/");
        });

        String all = String.join("\n", scripts(ci));
        assertThat(all).contains("terraform fmt -check", "terraform validate", "helm lint");
    }

    @Test
    void everyPathAJobNamesExists() throws IOException {
        Pattern repoPath = Pattern.compile("(?<![\\w./$-])((?:\\.ci|scripts|helm|terraform|\\.github)/[\\w./-]*[\\w-]|Dockerfile)");
        for (String name : allWorkflows()) {
            Map<String, Object> workflow = workflow(name);
            Set<String> paths = new LinkedHashSet<>();
            for (String script : scripts(workflow)) {
                Matcher m = repoPath.matcher(script);
                while (m.find()) {
                    paths.add(m.group(1));
                }
                Matcher varFile = Pattern.compile("-var-file=\"?([\\w.-]+)\"?").matcher(script);
                while (varFile.find()) {
                    paths.add("terraform/" + varFile.group(1));
                }
            }
            for (Map<String, Object> job : jobs(workflow).values()) {
                if (job.get("uses") instanceof String uses) {
                    paths.add(uses.substring(2));
                }
                if (job.get("defaults") instanceof Map<?, ?> defaults && defaults.get("run") instanceof Map<?, ?> run
                        && run.get("working-directory") instanceof String directory) {
                    paths.add(directory);
                }
                for (Map<String, Object> step : steps(job)) {
                    if (step.get("working-directory") instanceof String directory) {
                        paths.add(directory);
                    }
                    if (step.get("with") instanceof Map<?, ?> with && with.get("file") instanceof String file) {
                        paths.add(file);
                    }
                }
            }
            assertThat(paths).as(name).isNotEmpty().allSatisfy(path ->
                    assertThat(Path.of(path)).as("%s names %s", name, path).exists());
        }
    }

    @Test
    void theTerraformOutputsAndHelmValuesTheReleaseUsesExist() throws IOException {
        String release = String.join("\n", scripts(workflow("deploy-environment.yml")));
        String outputs = Files.readString(Path.of("terraform/outputs.tf"));
        Matcher out = Pattern.compile("\\$\\(out (\\w+)\\)").matcher(release);
        int count = 0;
        while (out.find()) {
            count++;
            assertThat(outputs).as("terraform output %s", out.group(1)).contains("output \"" + out.group(1) + "\"");
        }
        assertThat(count).isGreaterThanOrEqualTo(10);

        Map<String, Object> values = new Yaml().load(Files.readString(Path.of("helm/healthmed/values.yaml")));
        Matcher set = Pattern.compile("--set(?:-string)? ([\\w.]+)=").matcher(release);
        int sets = 0;
        while (set.find()) {
            sets++;
            String[] steps = set.group(1).split("\\.");
            Object node = values;
            for (String step : steps) {
                assertThat(node).as("Helm value %s", set.group(1)).isInstanceOf(Map.class);
                assertThat(((Map<?, ?>) node).containsKey(step)).as("Helm value %s", set.group(1)).isTrue();
                node = ((Map<?, ?>) node).get(step);
            }
        }
        assertThat(sets).isGreaterThanOrEqualTo(12);
        assertThat(release).contains("helm upgrade --install", "--atomic");
    }

    @Test
    void deployingAuthenticatesThroughOidcAndReleasesOnlyThroughProtectedEnvironments() throws IOException {
        Map<String, Object> deploy = workflow("deploy.yml");
        assertThat(triggers(deploy)).containsKey("push");
        assertThat(String.valueOf(triggers(deploy).get("push"))).contains("main");
        Map<String, Object> environmentDeploy = workflow("deploy-environment.yml");
        for (Map<String, Object> workflow : List.of(deploy, environmentDeploy)) {
            assertThat(String.valueOf(workflow.get("permissions"))).contains("id-token=write");
        }
        for (String name : allWorkflows()) {
            String text = Files.readString(WORKFLOWS.resolve(name));
            assertThat(text).as(name).doesNotContain("aws-access-key-id", "AWS_SECRET_ACCESS_KEY", "aws-secret-access-key");
            for (Map<String, Object> job : jobs(workflow(name)).values()) {
                for (Map<String, Object> step : steps(job)) {
                    if (String.valueOf(step.get("uses")).startsWith("aws-actions/configure-aws-credentials@")) {
                        assertThat(String.valueOf(step.get("with"))).contains("role-to-assume");
                        assertThat(job).as("%s: a job with AWS credentials runs in a GitHub environment").containsKey("environment");
                    }
                }
            }
        }
        // the image is tagged with the commit, built once and the same everywhere
        assertThat(Files.readString(WORKFLOWS.resolve("deploy.yml"))).contains("IMAGE_TAG: ${{ github.sha }}");
        Map<String, Map<String, Object>> jobs = jobs(deploy);
        assertThat(jobs.get("staging")).containsEntry("uses", "./.github/workflows/deploy-environment.yml");
        assertThat(jobs.get("prod")).containsEntry("needs", "staging");
        // the apply and the release run in the environment named after the target (reviewers for prod)
        Map<String, Object> apply = jobs(environmentDeploy).get("apply");
        assertThat(String.valueOf(apply.get("environment"))).contains("name=${{ inputs.environment }}");
        assertThat(String.join("\n", scripts(environmentDeploy))).contains("terraform -chdir=terraform apply");
    }
}
