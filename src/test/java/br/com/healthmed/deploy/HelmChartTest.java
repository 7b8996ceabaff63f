package br.com.healthmed.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered ({@code helm template}, Helm itself through helm-java) with its default
 * values and with the production values, and read as a reviewer would: capacity across zones,
 * probes on the management port, locked-down containers, secrets only referenced, settings that
 * bind to the service's real properties. Runs in a JVM of its own (the chart-tests execution).
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm/healthmed");
    /** The EKS version the chart is written for (Chart.yaml's kubeVersion is the lowest it accepts). */
    static final String KUBE_VERSION = "1.31.0";

    static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> options) {
        String out = options.apply(new Helm(CHART).template()
                .withName("healthmed").withNamespace("healthmed").withKubeVersion(KUBE_VERSION)).call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(out)) {
            if (document instanceof Map<?, ?> object) {
                objects.add(cast(object));
            }
        }
        return objects;
    }

    static List<Map<String, Object>> defaults() {
        return render(t -> t);
    }

    static List<Map<String, Object>> prod() {
        return render(t -> t.withValuesFile(CHART.resolve("values-prod.yaml"))
                .set("image.repository", "123456789012.dkr.ecr.sa-east-1.amazonaws.com/healthmed")
                .set("image.tag", "0123456789abcdef0123456789abcdef01234567")
                .set("serviceAccount.roleArn", "arn:aws:iam::123456789012:role/healthmed-prod-service")
                .set("config.redisHost", "master.healthmed-prod.abc123.sae1.cache.amazonaws.com")
                .set("config.s3KmsKeyId", "arn:aws:kms:sa-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"));
    }

    static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> ofKind = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(ofKind).as("objects of kind %s", kind).hasSize(1);
        return ofKind.get(0);
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(step));
            } else {
                assertThat(current).as("%s (at %s)", path, step).isInstanceOf(Map.class);
                current = ((Map<String, Object>) current).get(step);
            }
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects) {
        List<Map<String, Object>> containers = at(only(objects, "Deployment"), "spec.template.spec.containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Object> applicationYaml(String name) {
        try (var in = HelmChartTest.class.getResourceAsStream("/" + name)) {
            return new Yaml().load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helmLintFindsNothing() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void rendersTheObjectsAProductionServiceNeedsAndNoSecret() {
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Set<String> kinds = objects.stream().map(o -> (String) o.get("kind")).collect(Collectors.toSet());
            assertThat(kinds).contains("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler",
                    "PodDisruptionBudget", "ServiceAccount", "ConfigMap", "SecretProviderClass", "NetworkPolicy");
            assertThat(kinds).doesNotContain("Secret");
        }
    }

    @Test
    void atLeastThreeReplicasSpreadOverZonesAndNeverAllDisruptedAtOnce() {
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            int minReplicas = at(only(objects, "HorizontalPodAutoscaler"), "spec.minReplicas");
            assertThat(minReplicas).isGreaterThanOrEqualTo(3);
            assertThat((Integer) at(only(objects, "HorizontalPodAutoscaler"), "spec.maxReplicas")).isGreaterThan(minReplicas);
            int maxUnavailable = at(only(objects, "PodDisruptionBudget"), "spec.maxUnavailable");
            assertThat(minReplicas - maxUnavailable).isGreaterThanOrEqualTo(2);

            Map<String, Object> deployment = only(objects, "Deployment");
            List<Map<String, Object>> spread = at(deployment, "spec.template.spec.topologySpreadConstraints");
            assertThat(spread).anySatisfy(c -> {
                assertThat(c).containsEntry("topologyKey", "topology.kubernetes.io/zone")
                        .containsEntry("whenUnsatisfiable", "DoNotSchedule").containsEntry("maxSkew", 1);
                assertThat((Map<String, Object>) at(c, "labelSelector.matchLabels"))
                        .isEqualTo(at(deployment, "spec.selector.matchLabels"));
            });
            assertThat((Object) at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        }
        assertThat((Integer) at(only(prod(), "HorizontalPodAutoscaler"), "spec.minReplicas")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void probesAskTheManagementPortWhichTheApplicationReallyUses() {
        int appPort = at(applicationYaml("application.yml"), "server.port");
        int managementPort = at(applicationYaml("application-prod.yml"), "management.server.port");
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Map<String, Object> container = container(objects);
            List<Map<String, Object>> ports = at(container, "ports");
            assertThat(ports).extracting(p -> p.get("name") + ":" + p.get("containerPort"))
                    .containsExactlyInAnyOrder("http:" + appPort, "management:" + managementPort);
            assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat((Object) at(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
            }
            Map<String, Object> ingress = only(objects, "Ingress");
            Map<String, String> annotations = at(ingress, "metadata.annotations");
            assertThat(annotations.get("alb.ingress.kubernetes.io/healthcheck-port")).isEqualTo(String.valueOf(managementPort));
            assertThat(annotations.get("alb.ingress.kubernetes.io/healthcheck-path")).isEqualTo("/actuator/health/readiness");
        }
    }

    @Test
    void theIngressIsAnHttpsAlbThatKeepsWebSocketsOpen() {
        Duration keepAlive = Duration.parse("PT" + at(applicationYaml("application.yml"), "spring.graphql.websocket.keep-alive"));
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Map<String, Object> ingress = only(objects, "Ingress");
            Map<String, String> annotations = at(ingress, "metadata.annotations");
            assertThat((String) at(ingress, "spec.ingressClassName")).isEqualTo("alb");
            assertThat(annotations.get("alb.ingress.kubernetes.io/listen-ports")).contains("\"HTTPS\": 443");
            assertThat(annotations.get("alb.ingress.kubernetes.io/ssl-redirect")).isEqualTo("443");
            assertThat(annotations.get("alb.ingress.kubernetes.io/target-type")).isEqualTo("ip");
            String idle = annotations.get("alb.ingress.kubernetes.io/load-balancer-attributes").replaceAll(".*idle_timeout.timeout_seconds=(\\d+).*", "$1");
            // well above the graphql-ws keep-alive: an open subscription is never idle for the ALB
            assertThat(Long.parseLong(idle)).isGreaterThanOrEqualTo(10 * keepAlive.toSeconds()).isGreaterThanOrEqualTo(300);
            assertThat((String) at(ingress, "spec.rules.0.http.paths.0.backend.service.port.name")).isEqualTo("http");
        }
    }

    @Test
    void theContainerRunsLockedDownWithOnlyTmpWritable() {
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Map<String, Object> pod = at(only(objects, "Deployment"), "spec.template.spec");
            assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
            assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
            assertThat((String) at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
            assertThat((Boolean) at(pod, "automountServiceAccountToken")).isFalse();
            Map<String, Object> container = container(objects);
            assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
            assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation")).isFalse();
            assertThat((Boolean) at(container, "securityContext.runAsNonRoot")).isTrue();
            assertThat((List<String>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
            assertThat((List<Map<String, Object>>) at(container, "volumeMounts"))
                    .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp").containsEntry("name", "tmp"));
            assertThat((List<Map<String, Object>>) at(pod, "volumes"))
                    .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                assertThat((Object) at(container, "resources." + resource)).as(resource).isNotNull();
            }
            assertThat((Object) at(container, "resources.limits.memory")).isEqualTo(at(container, "resources.requests.memory"));
        }
    }

    @Test
    void shutdownFitsInTheGracePeriod() {
        Map<String, Object> application = applicationYaml("application.yml");
        assertThat((String) at(application, "server.shutdown")).isEqualTo("graceful");
        Duration drain = Duration.parse("PT" + at(application, "spring.lifecycle.timeout-per-shutdown-phase"));
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Map<String, Object> pod = at(only(objects, "Deployment"), "spec.template.spec");
            int preStop = at(container(objects), "lifecycle.preStop.sleep.seconds");
            int grace = at(pod, "terminationGracePeriodSeconds");
            assertThat(preStop).isPositive();
            assertThat(grace).isGreaterThan(preStop + (int) drain.toSeconds());
        }
    }

    @Test
    void secretsAreMountedFromSecretsManagerAsSpringPropertiesNeverWrittenIntoTheChart() {
        for (List<Map<String, Object>> objects : List.of(defaults(), prod())) {
            Map<String, Object> provider = only(objects, "SecretProviderClass");
            assertThat((String) at(provider, "spec.provider")).isEqualTo("aws");
            List<Map<String, Object>> secretObjects = new Yaml().load((String) at(provider, "spec.parameters.objects"));
            assertThat(secretObjects).allSatisfy(o -> assertThat(o).containsEntry("objectType", "secretsmanager"));
            assertThat(secretObjects).extracting(o -> o.get("objectAlias"))
                    .contains("healthmed.security.jwt.private-key", "spring.data.redis.password", "healthmed.booking-limits.origin-key");
            assertThat(provider).doesNotContainKey("secretObjects"); // no copy into a Kubernetes Secret

            Map<String, String> config = at(only(objects, "ConfigMap"), "data");
            String mountPath = ((List<Map<String, Object>>) at(container(objects), "volumeMounts")).stream()
                    .filter(m -> "secrets".equals(m.get("name"))).map(m -> (String) m.get("mountPath")).findFirst().orElseThrow();
            assertThat(config.get("SPRING_CONFIG_IMPORT")).isEqualTo("configtree:" + mountPath + "/");
            assertThat(config.keySet()).noneMatch(name -> name.matches(".*(PRIVATE|PASSWORD|SECRET|TOKEN).*"));
            List<Map<String, Object>> env = at(container(objects), "env");
            assertThat(env).allSatisfy(e -> assertThat(e).doesNotContainKey("valueFrom"));
        }
    }

    @Test
    void everyConfigMapEntryBindsToTheSettingItIsMeantFor() {
        Map<String, String> config = at(only(prod(), "ConfigMap"), "data");
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(config)));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("spring.profiles.active", "prod"),
                Map.entry("healthmed.dynamodb.table-name", "healthmed-prod"),
                Map.entry("healthmed.dynamodb.region", "sa-east-1"),
                Map.entry("healthmed.s3.bucket", "healthmed-prod-records"),
                Map.entry("healthmed.s3.region", "sa-east-1"),
                Map.entry("healthmed.s3.kms-key-id", "arn:aws:kms:sa-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"),
                Map.entry("healthmed.location.place-index", "healthmed-prod"),
                Map.entry("healthmed.location.region", "sa-east-1"),
                Map.entry("spring.data.redis.host", "master.healthmed-prod.abc123.sae1.cache.amazonaws.com"),
                Map.entry("spring.data.redis.ssl.enabled", "true"),
                Map.entry("healthmed.events.redis.channel-prefix", "healthmed-prod:"),
                Map.entry("healthmed.web.allowed-origins", "https://app.healthmed.com.br"),
                Map.entry("healthmed.web.trusted-proxies", "10.0.0.0/24,10.0.1.0/24,10.0.2.0/24"),
                Map.entry("healthmed.web.app-url", "https://app.healthmed.com.br"),
                Map.entry("healthmed.notifications.from-address", "Health&Med <nao-responda@healthmed.com.br>"),
                Map.entry("healthmed.notifications.ses.region", "sa-east-1"),
                Map.entry("healthmed.notifications.ses.configuration-set", "healthmed-prod-mail"),
                Map.entry("logging.structured.ecs.service.version", "0123456789abcdef0123456789abcdef01234567"));
        expected.forEach((property, value) ->
                assertThat(binder.bind(property, String.class).orElse(null)).as(property).isEqualTo(value));
    }

    @Test
    void theServiceAccountCarriesTheIamRoleAndThePodUsesIt() {
        List<Map<String, Object>> objects = prod();
        Map<String, Object> account = only(objects, "ServiceAccount");
        Map<String, String> annotations = at(account, "metadata.annotations");
        assertThat(annotations).containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/healthmed-prod-service");
        assertThat((String) at(only(objects, "Deployment"), "spec.template.spec.serviceAccountName"))
                .isEqualTo(at(account, "metadata.name"));
        assertThat((String) at(container(objects), "image"))
                .isEqualTo("123456789012.dkr.ecr.sa-east-1.amazonaws.com/healthmed:0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void theNetworkPolicyAdmitsOnlyTheLoadBalancerAndMonitoringAndNeverTheMetadataService() {
        Map<String, Object> policy = only(defaults(), "NetworkPolicy");
        assertThat((List<String>) at(policy, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        List<Map<String, Object>> ingress = at(policy, "spec.ingress");
        assertThat(ingress).allSatisfy(rule -> assertThat((List<?>) rule.get("from")).isNotEmpty());
        List<Map<String, Object>> egress = at(policy, "spec.egress");
        assertThat(egress).allSatisfy(rule -> assertThat((List<?>) rule.get("to")).isNotEmpty());
        assertThat(egress).flatExtracting(rule -> (List<Map<String, Object>>) rule.get("to"))
                .filteredOn(to -> to.containsKey("ipBlock") && "0.0.0.0/0".equals(at(to, "ipBlock.cidr")))
                .allSatisfy(to -> assertThat((List<String>) at(to, "ipBlock.except")).contains("169.254.169.254/32"));
    }

    /** The chart rendered with these load-balancer CIDRs (a values file: helm-java's set passes strings only). */
    private static List<Map<String, Object>> withLoadBalancerCidrs(String... cidrs) {
        try {
            Path values = java.nio.file.Files.createTempFile("load-balancer-cidrs", ".yaml");
            try {
                java.nio.file.Files.writeString(values, "loadBalancerCidrs: [" + String.join(", ", cidrs) + "]\n");
                return render(t -> t.withValuesFile(values));
            } finally {
                java.nio.file.Files.delete(values);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTheLoadBalancerSubnetsTheNetworkPolicyAdmits() {
        List<Map<String, Object>> objects = withLoadBalancerCidrs("10.1.0.0/24", "10.1.1.0/24");
        Map<String, String> config = at(only(objects, "ConfigMap"), "data");
        assertThat(config).containsEntry("HEALTHMED_WEB_TRUSTEDPROXIES", "10.1.0.0/24,10.1.1.0/24");
        List<Map<String, Object>> fromLoadBalancer = at(only(objects, "NetworkPolicy"), "spec.ingress.0.from");
        assertThat(fromLoadBalancer).extracting(from -> (String) at(from, "ipBlock.cidr"))
                .containsExactly("10.1.0.0/24", "10.1.1.0/24");

        // the whole internet, or a whole private range (every pod in it), is not a load balancer
        assertThatThrownBy(() -> withLoadBalancerCidrs("0.0.0.0/0")).hasMessageContaining("/loadBalancerCidrs");
        assertThatThrownBy(() -> withLoadBalancerCidrs("10.0.0.0/8")).hasMessageContaining("/loadBalancerCidrs");
        assertThatThrownBy(() -> withLoadBalancerCidrs()).hasMessageContaining("/loadBalancerCidrs");
    }

    @Test
    void productionValuesAddTheServiceMonitor() {
        Map<String, Object> monitor = only(prod(), "ServiceMonitor");
        assertThat((String) at(monitor, "spec.endpoints.0.port")).isEqualTo("management");
        assertThat((String) at(monitor, "spec.endpoints.0.path")).isEqualTo("/actuator/prometheus");
    }

    @Test
    void theValuesSchemaRefusesFewerThanThreeReplicasAndMutableOrWildcardSettings() {
        assertThatThrownBy(() -> render(t -> t.set("autoscaling.minReplicas", 2))).hasMessageContaining("/autoscaling/minReplicas");
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", 1))).hasMessageContaining("/replicaCount");
        assertThatThrownBy(() -> render(t -> t.set("image.tag", "latest"))).hasMessageContaining("/image/tag");
        assertThatThrownBy(() -> render(t -> t.set("config.allowedOrigins", "*"))).hasMessageContaining("/config/allowedOrigins");
        assertThatThrownBy(() -> render(t -> t.set("ingress.idleTimeoutSeconds", 60))).hasMessageContaining("/ingress/idleTimeoutSeconds");
        assertThatThrownBy(() -> render(t -> t.set("config.appUrl", "http://app.healthmed.com.br"))).hasMessageContaining("/config/appUrl");
        assertThatThrownBy(() -> render(t -> t.set("config.mailFromAddress", "not an address"))).hasMessageContaining("/config/mailFromAddress");
    }

    @Test
    void requiredSettingsCannotBeLeftOut() {
        assertThatThrownBy(() -> render(t -> t.set("config.dynamodbTable", "")))
                .hasMessageContaining("config.dynamodbTable is required");
        assertThatThrownBy(() -> render(t -> t.set("secrets.jwtPrivateKey", "")))
                .hasMessageContaining("secrets.jwtPrivateKey");
        assertThatThrownBy(() -> render(t -> t.set("secrets.bookingOriginKey", "")))
                .hasMessageContaining("secrets.bookingOriginKey");
    }
}
