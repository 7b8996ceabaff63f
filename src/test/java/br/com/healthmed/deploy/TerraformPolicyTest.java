package br.com.healthmed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import br.com.healthmed.support.Dynalite;
import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A policy check of {@code terraform/} (parsed with hcl4j; no Terraform here): the properties that
 * keep health data safe, each of which fails this test when removed, and the table exactly as the
 * code builds its keys.
 */
class TerraformPolicyTest {

    private static final Path TERRAFORM = Path.of("terraform");

    /** Every top-level block of every .tf file, merged: resource → type → name → attributes, and so on. */
    private static Map<String, Object> config;
    private static String source;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        config = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(TERRAFORM)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                merge(config, (Map<String, Object>) plain(new HCLParser().parse(file.toFile(), "UTF-8")));
                text.append(Files.readString(file)).append('\n');
            }
        }
        source = text.toString();
    }

    /** hcl4j keeps references ({@code aws_kms_key.data.arn}) as symbol objects: compare them as their text. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TerraformPolicyTest::plain).toList();
        }
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && into.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) map);
            } else {
                into.put(key, value);
            }
        });
    }

    private static Map<String, Object> resource(String type, String name) {
        Map<String, Object> resource = HelmChartTest.at(config, "resource." + type + "." + name);
        assertThat(resource).as("resource %s.%s", type, name).isNotNull();
        return resource;
    }

    /** A nested block that may appear once (a map) or several times (a list of maps). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) value);
    }

    private static List<Map<String, Object>> statements(String policyDocument) {
        return blocks(HelmChartTest.at(config, "data.aws_iam_policy_document." + policyDocument), "statement");
    }

    // --- DynamoDB ---------------------------------------------------------------------------------

    @Test
    void theTableHasPointInTimeRecoveryEncryptionWithTheCustomerKeyAndCannotBeDeletedByAccident() {
        Map<String, Object> table = resource("aws_dynamodb_table", "main");
        assertThat((Boolean) HelmChartTest.at(table, "point_in_time_recovery.enabled")).isTrue();
        assertThat((Boolean) HelmChartTest.at(table, "server_side_encryption.enabled")).isTrue();
        assertThat((String) HelmChartTest.at(table, "server_side_encryption.kms_key_arn")).isEqualTo("aws_kms_key.data.arn");
        assertThat(table).containsEntry("deletion_protection_enabled", true).containsEntry("billing_mode", "PAY_PER_REQUEST");
        assertThat((Boolean) HelmChartTest.at(table, "lifecycle.prevent_destroy")).isTrue();
        assertThat((String) HelmChartTest.at(table, "ttl.attribute_name")).isEqualTo("ttl");
        assertThat((Boolean) HelmChartTest.at(table, "ttl.enabled")).isTrue();
    }

    @Test
    void theTablesKeysAndIndexesAreTheOnesTheCodeUses() {
        Map<String, Object> table = resource("aws_dynamodb_table", "main");
        assertThat(table).containsEntry("hash_key", Keys.PK).containsEntry("range_key", Keys.SK);
        assertThat(blocks(table, "global_secondary_index"))
                .extracting(i -> i.get("name") + ":" + i.get("hash_key") + ":" + i.get("range_key") + ":" + i.get("projection_type"))
                .containsExactlyInAnyOrder(Keys.GSI1 + ":" + Keys.GSI1PK + ":" + Keys.GSI1SK + ":ALL",
                        Keys.GSI2 + ":" + Keys.GSI2PK + ":" + Keys.GSI2SK + ":ALL");
        assertThat(blocks(table, "attribute")).extracting(a -> a.get("name") + ":" + a.get("type"))
                .containsExactlyInAnyOrder(Keys.PK + ":S", Keys.SK + ":S", Keys.GSI1PK + ":S", Keys.GSI1SK + ":S",
                        Keys.GSI2PK + ":S", Keys.GSI2SK + ":S");

        // and the same as the table the code itself creates for local runs and tests
        DynamoTable created = Dynalite.newTable();
        TableDescription described = Dynalite.client().describeTable(b -> b.tableName(created.name())).table();
        assertThat(described.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly(table.get("hash_key") + ":" + KeyType.HASH, table.get("range_key") + ":" + KeyType.RANGE);
        assertThat(described.globalSecondaryIndexes()).extracting(i -> i.indexName() + ":"
                        + i.keySchema().get(0).attributeName() + ":" + i.keySchema().get(1).attributeName() + ":"
                        + i.projection().projectionTypeAsString())
                .containsExactlyInAnyOrderElementsOf(blocks(table, "global_secondary_index").stream()
                        .map(i -> i.get("name") + ":" + i.get("hash_key") + ":" + i.get("range_key") + ":" + i.get("projection_type"))
                        .toList());
        assertThat(described.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactlyInAnyOrderElementsOf(blocks(table, "attribute").stream().map(a -> a.get("name") + ":" + a.get("type")).toList());
    }

    // --- S3 ---------------------------------------------------------------------------------------

    @Test
    void theRecordsBucketIsEncryptedWithTheCustomerKeyAndBucketKeys() {
        Map<String, Object> rule = HelmChartTest.at(resource("aws_s3_bucket_server_side_encryption_configuration", "records"), "rule");
        assertThat((String) HelmChartTest.at(rule, "apply_server_side_encryption_by_default.sse_algorithm")).isEqualTo("aws:kms");
        assertThat((String) HelmChartTest.at(rule, "apply_server_side_encryption_by_default.kms_master_key_id")).isEqualTo("aws_kms_key.data.arn");
        assertThat(rule).containsEntry("bucket_key_enabled", true);
        assertThat(resource("aws_s3_bucket_server_side_encryption_configuration", "records")).containsEntry("bucket", "aws_s3_bucket.records.id");
    }

    @Test
    void theRecordsBucketIsVersionedAndNeverPublic() {
        assertThat((String) HelmChartTest.at(resource("aws_s3_bucket_versioning", "records"), "versioning_configuration.status"))
                .isEqualTo("Enabled");
        Map<String, Object> block = resource("aws_s3_bucket_public_access_block", "records");
        assertThat(block).containsEntry("bucket", "aws_s3_bucket.records.id");
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(block).as(setting).containsEntry(setting, true);
        }
        assertThat((String) HelmChartTest.at(resource("aws_s3_bucket_ownership_controls", "records"), "rule.object_ownership"))
                .isEqualTo("BucketOwnerEnforced");
    }

    @Test
    void theRecordsBucketRefusesRequestsWithoutTls() {
        assertThat(resource("aws_s3_bucket_policy", "records")).containsEntry("policy", "data.aws_iam_policy_document.records_bucket.json");
        assertThat(statements("records_bucket")).anySatisfy(statement -> {
            assertThat(statement).containsEntry("effect", "Deny");
            assertThat((List<String>) statement.get("actions")).containsExactly("s3:*");
            assertThat((List<String>) statement.get("resources"))
                    .containsExactlyInAnyOrder("aws_s3_bucket.records.arn", "aws_s3_bucket.records.arn/*");
            assertThat(blocks(statement, "condition")).anySatisfy(c -> assertThat(c)
                    .containsEntry("test", "Bool").containsEntry("variable", "aws:SecureTransport").containsEntry("values", List.of("false")));
        });
        // no statement of the bucket policy allows anything: access is granted to the service role only
        assertThat(statements("records_bucket")).allSatisfy(statement -> assertThat(statement).containsEntry("effect", "Deny"));
    }

    @Test
    void theRecordsBucketCleansUpAbortedAndUnconfirmedUploadsAndAllowsOnlyTheWebOrigins() {
        List<Map<String, Object>> rules = blocks(resource("aws_s3_bucket_lifecycle_configuration", "records"), "rule");
        assertThat(rules).allSatisfy(rule -> assertThat(rule).containsEntry("status", "Enabled"));
        assertThat(rules).anySatisfy(rule -> assertThat((Object) HelmChartTest.at(rule, "abort_incomplete_multipart_upload.days_after_initiation")).isNotNull());
        assertThat(rules).anySatisfy(rule -> {
            assertThat((Map<String, String>) HelmChartTest.at(rule, "filter.and.tags")).containsEntry("healthmed-upload", "pending");
            assertThat((Object) HelmChartTest.at(rule, "expiration.days")).isNotNull();
        });
        assertThat(rules).anySatisfy(rule -> assertThat((Object) HelmChartTest.at(rule, "noncurrent_version_expiration.noncurrent_days")).isNotNull());
        // a table restored to any instant of PITR's 35 days must find its files' previous versions still there
        assertThat(((Number) HelmChartTest.at(config, "variable.records_noncurrent_version_days.default")).intValue())
                .isGreaterThanOrEqualTo(35);
        assertThat(source).contains("var.records_noncurrent_version_days >= 35");

        Map<String, Object> cors = HelmChartTest.at(resource("aws_s3_bucket_cors_configuration", "records"), "cors_rule");
        assertThat((List<String>) cors.get("allowed_methods")).containsExactlyInAnyOrder("GET", "HEAD", "PUT");
        // hcl4j leaves variable references unresolved: read the source for the origin list
        assertThat(source).containsPattern("allowed_origins\\s*=\\s*var\\.web_origins\\b");
        assertThat(source).doesNotContainPattern("allowed_origins\\s*=\\s*\\[\\s*\"\\*\"");
    }

    @Test
    void guardDutyScansEveryRecordFileAndTagsItWithItsVerdict() {
        Map<String, Object> plan = resource("aws_guardduty_malware_protection_plan", "records");
        assertThat(plan).containsEntry("role", "aws_iam_role.malware_protection.arn");
        assertThat((String) HelmChartTest.at(plan, "protected_resource.s3_bucket.bucket_name")).isEqualTo("aws_s3_bucket.records.id");
        assertThat((List<String>) HelmChartTest.at(plan, "protected_resource.s3_bucket.object_prefixes")).containsExactly("local.records_prefix");
        assertThat((String) HelmChartTest.at(plan, "actions.tagging.status")).isEqualTo("ENABLED");

        assertThat(resource("aws_iam_role", "malware_protection"))
                .containsEntry("assume_role_policy", "data.aws_iam_policy_document.malware_protection_trust.json");
        assertThat(statements("malware_protection_trust")).singleElement().satisfies(statement -> {
            assertThat((List<String>) statement.get("actions")).containsExactly("sts:AssumeRole");
            assertThat((List<String>) HelmChartTest.at(statement, "principals.identifiers"))
                    .containsExactly("malware-protection-plan.guardduty.amazonaws.com");
            assertThat((String) HelmChartTest.at(statement, "condition.variable")).isEqualTo("aws:SourceAccount");
        });
        assertThat(resource("aws_iam_role_policy", "malware_protection"))
                .containsEntry("role", "aws_iam_role.malware_protection.id")
                .containsEntry("policy", "data.aws_iam_policy_document.malware_protection.json");
        // AWS's documented statements, on this bucket, its records/ objects and the data key only
        List<Map<String, Object>> statements = statements("malware_protection");
        assertThat(statements).extracting(statement -> (String) statement.get("sid")).containsExactlyInAnyOrder(
                "AllowManagedRuleToSendS3EventsToGuardDuty", "AllowGuardDutyToMonitorEventBridgeManagedRule", "AllowPostScanTag",
                "AllowEnableS3EventBridgeEvents", "AllowPutValidationObject", "AllowCheckBucketOwnership", "AllowMalwareScan",
                "AllowDecryptForMalwareScan");
        assertThat(statements).allSatisfy(statement -> assertThat((List<String>) statement.get("resources")).allSatisfy(resource ->
                assertThat(resource).matches("aws_s3_bucket\\.records\\.arn.*|aws_kms_key\\.data\\.arn"
                        + "|arn:[^*]*:events:[^*]*:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3\\*")));
        assertThat(statements).filteredOn(statement -> "AllowPostScanTag".equals(statement.get("sid"))).singleElement()
                .satisfies(statement -> assertThat((List<String>) statement.get("resources"))
                        .containsExactly("aws_s3_bucket.records.arn/local.records_prefix*"));

        // the service reads the verdict
        assertThat(statements("service")).filteredOn(statement -> "RecordObjects".equals(statement.get("sid"))).singleElement()
                .satisfies(statement -> assertThat((List<String>) statement.get("actions")).contains("s3:GetObjectTagging"));
    }

    @Test
    void theRecordsBucketServesNoUnscannedObjectByPresignedUrlAndOnlyGuardDutySetsTheScanTag() {
        assertThat(statements("records_bucket")).anySatisfy(statement -> {
            assertThat(statement).containsEntry("effect", "Deny");
            assertThat((List<String>) statement.get("actions")).contains("s3:GetObject");
            assertThat(blocks(statement, "condition")).extracting(c -> c.get("test") + " " + c.get("variable") + " " + c.get("values"))
                    .containsExactlyInAnyOrder("StringEquals s3:authType [REST-QUERY-STRING]",
                            "StringNotEquals s3:ExistingObjectTag/GuardDutyMalwareScanStatus [NO_THREATS_FOUND]");
        });
        assertThat(statements("records_bucket")).anySatisfy(statement -> {
            assertThat(statement).containsEntry("effect", "Deny");
            assertThat((List<String>) statement.get("actions")).contains("s3:PutObjectTagging", "s3:PutObject");
            assertThat(blocks(statement, "condition")).extracting(c -> c.get("test") + " " + c.get("variable") + " " + c.get("values"))
                    .containsExactlyInAnyOrder("ForAnyValue:StringEquals s3:RequestObjectTagKeys [GuardDutyMalwareScanStatus]",
                            "ArnNotEquals aws:PrincipalArn [aws_iam_role.malware_protection.arn]");
        });
    }

    // --- KMS, Redis, Location, secrets, logs -----------------------------------------------------------

    @Test
    void theDataKeyRotates() {
        Map<String, Object> key = resource("aws_kms_key", "data");
        assertThat(key).containsEntry("enable_key_rotation", true);
        assertThat(((Number) key.get("deletion_window_in_days")).intValue()).isEqualTo(30);
    }

    @Test
    void redisIsMultiAzWithTlsAndAnAuthToken() {
        Map<String, Object> redis = resource("aws_elasticache_replication_group", "redis");
        assertThat(redis).containsEntry("multi_az_enabled", true).containsEntry("automatic_failover_enabled", true)
                .containsEntry("transit_encryption_enabled", true).containsEntry("at_rest_encryption_enabled", true)
                .containsEntry("auth_token", "random_password.redis_auth_token.result")
                .containsEntry("kms_key_id", "aws_kms_key.data.arn");
        assertThat(source).containsPattern("condition\\s*=\\s*var\\.redis_replicas\\s*>=\\s*2");
    }

    @Test
    void thePlaceIndexMayStoreItsResults() {
        assertThat((String) HelmChartTest.at(resource("aws_location_place_index", "main"), "data_source_configuration.intended_use"))
                .isEqualTo("Storage");
    }

    @Test
    void theSigningKeyNeverEntersTheTerraformState() {
        Map<String, Object> versions = HelmChartTest.at(config, "resource.aws_secretsmanager_secret_version");
        assertThat(versions.values()).noneSatisfy(version -> assertThat((Map<String, Object>) version)
                .containsEntry("secret_id", "aws_secretsmanager_secret.jwt_signing_key.id"));
        assertThat(source).doesNotContain("tls_private_key");
        Map<String, Object> secrets = HelmChartTest.at(config, "resource.aws_secretsmanager_secret");
        assertThat(secrets.values()).allSatisfy(secret -> assertThat((Map<String, Object>) secret).containsEntry("kms_key_id", "aws_kms_key.data.arn"));
    }

    @Test
    void logsAreEncryptedAndTheAlarmsExist() {
        assertThat(resource("aws_cloudwatch_log_group", "application")).containsEntry("kms_key_id", "aws_kms_key.data.arn");
        Map<String, Object> alarms = HelmChartTest.at(config, "resource.aws_cloudwatch_metric_alarm");
        assertThat(alarms).containsKeys("http_5xx_rate", "p99_latency", "dynamodb_throttles");
        assertThat((Map<String, Object>) alarms.get("p99_latency")).containsEntry("extended_statistic", "p99")
                .containsEntry("metric_name", "TargetResponseTime");
        assertThat(source).contains("HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount",
                "ReadThrottleEvents", "WriteThrottleEvents");
    }

    // --- IAM --------------------------------------------------------------------------------------

    @Test
    void theServiceRoleNamesOnlyThisEnvironmentsResourcesAndNoWildcardActions() {
        List<Map<String, Object>> statements = statements("service");
        assertThat(statements).isNotEmpty();
        List<String> resources = new ArrayList<>();
        for (Map<String, Object> statement : statements) {
            assertThat(statement.getOrDefault("effect", "Allow")).isEqualTo("Allow");
            assertThat(statement).doesNotContainKeys("not_actions", "not_resources");
            assertThat((List<String>) statement.get("actions")).allSatisfy(action ->
                    assertThat(action).as("action").doesNotContain("*"));
            resources.addAll((List<String>) statement.get("resources"));
        }
        // every resource is one this configuration creates (a reference, not a literal ARN pattern);
        // the only wildcards allowed are the table's indexes and the objects under records/
        Set<String> allowedWildcards = Set.of("aws_dynamodb_table.main.arn/index/*", "aws_s3_bucket.records.arn/local.records_prefix*");
        assertThat(resources).allSatisfy(resource -> {
            assertThat(resource).matches("aws_[a-z0-9_]+\\.[a-z0-9_]+\\.(arn|index_arn).*");
            if (resource.contains("*")) {
                assertThat(resource).isIn(allowedWildcards);
            }
        });
        assertThat(resources).contains("aws_dynamodb_table.main.arn", "aws_s3_bucket.records.arn",
                "aws_kms_key.data.arn", "aws_location_place_index.main.index_arn");
        assertThat(source).containsPattern("records_prefix\\s*=\\s*\"records/\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceMaySendMailOnlyFromItsDomainIdentityAsItsSenderWithItsConfigurationSet() {
        List<Map<String, Object>> mail = statements("service").stream()
                .filter(statement -> ((List<String>) statement.get("actions")).stream().anyMatch(action -> action.startsWith("ses:")))
                .toList();
        assertThat(mail).singleElement().satisfies(statement -> {
            assertThat((List<String>) statement.get("actions")).containsExactly("ses:SendEmail");
            assertThat((List<String>) statement.get("resources"))
                    .containsExactlyInAnyOrder("aws_sesv2_email_identity.mail.arn", "aws_sesv2_configuration_set.mail.arn");
            assertThat(blocks(statement, "condition")).extracting(c -> c.get("test") + " " + c.get("variable") + " " + c.get("values"))
                    .containsExactly("StringEquals ses:FromAddress [local.mail_from_address]");
        });
        assertThat(source).containsPattern("mail_from_address\\s*=\\s*\"nao-responda@\\$\\{var\\.mail_domain}\"");
    }

    @Test
    void theMailDomainSignsWithDkimAndTheConfigurationSetRequiresTlsAndSuppressesBounces() {
        Map<String, Object> identity = resource("aws_sesv2_email_identity", "mail");
        assertThat(identity).containsEntry("email_identity", "var.mail_domain")
                .containsEntry("configuration_set_name", "aws_sesv2_configuration_set.mail.configuration_set_name");
        assertThat((String) HelmChartTest.at(identity, "dkim_signing_attributes.next_signing_key_length")).isEqualTo("RSA_2048_BIT");
        Map<String, Object> set = resource("aws_sesv2_configuration_set", "mail");
        assertThat((String) HelmChartTest.at(set, "delivery_options.tls_policy")).isEqualTo("REQUIRE");
        assertThat((List<String>) HelmChartTest.at(set, "suppression_options.suppressed_reasons")).containsExactlyInAnyOrder("BOUNCE", "COMPLAINT");
    }

    @Test
    void onlyTheChartsServiceAccountMayAssumeTheRole() {
        assertThat(resource("aws_iam_role", "service")).containsEntry("assume_role_policy", "data.aws_iam_policy_document.service_trust.json");
        List<Map<String, Object>> trust = statements("service_trust");
        assertThat(trust).singleElement().satisfies(statement -> {
            assertThat((List<String>) statement.get("actions")).containsExactly("sts:AssumeRoleWithWebIdentity");
            assertThat(blocks(statement, "condition")).extracting(c -> c.get("test") + " " + c.get("variable") + " " + c.get("values"))
                    .containsExactlyInAnyOrder(
                            "StringEquals local.oidc_issuer:sub [system:serviceaccount:var.kubernetes_namespace:var.kubernetes_service_account]",
                            "StringEquals local.oidc_issuer:aud [sts.amazonaws.com]");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBootstrapKeepsTheStatePrivateAndLetsOnlyThisRepositorysEnvironmentsDeploy() throws Exception {
        Map<String, Object> bootstrap = (Map<String, Object>) plain(new HCLParser().parse(TERRAFORM.resolve("bootstrap/main.tf").toFile(), "UTF-8"));
        Map<String, Object> resources = (Map<String, Object>) bootstrap.get("resource");
        assertThat((String) HelmChartTest.at(resources, "aws_s3_bucket_versioning.state.versioning_configuration.status")).isEqualTo("Enabled");
        assertThat((String) HelmChartTest.at(resources,
                "aws_s3_bucket_server_side_encryption_configuration.state.rule.apply_server_side_encryption_by_default.sse_algorithm"))
                .isEqualTo("aws:kms");
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat((Boolean) HelmChartTest.at(resources, "aws_s3_bucket_public_access_block.state." + setting)).as(setting).isTrue();
        }
        assertThat((String) HelmChartTest.at(resources, "aws_dynamodb_table.locks.hash_key")).isEqualTo("LockID");

        Map<String, Object> trust = HelmChartTest.at(bootstrap, "data.aws_iam_policy_document.deploy_trust.statement");
        assertThat(blocks(trust, "condition")).extracting(c -> c.get("test") + " " + c.get("variable"))
                .containsExactlyInAnyOrder("StringEquals token.actions.githubusercontent.com:aud",
                        "StringEquals token.actions.githubusercontent.com:sub");
        String bootstrapSource = Files.readString(TERRAFORM.resolve("bootstrap/main.tf"));
        // every subject names this repository and a GitHub environment: no branch, no wildcard
        assertThat(bootstrapSource).containsPattern("\"repo:\\$\\{var.github_repository}:environment:\\$\\{var.environment}\"")
                .doesNotContain("StringLike");
        // the deploy role may manage the environment's roles (healthmed-<env>-*), but not itself
        assertThat((String) HelmChartTest.at(resources, "aws_iam_role.deploy.name")).doesNotStartWith("healthmed-var.environment-");
        assertThat(bootstrapSource).contains("role/healthmed-${var.environment}-*");
    }

    // --- variables and outputs --------------------------------------------------------------------

    @Test
    void everyVariableIsDescribedAndEveryNonBooleanOneValidated() {
        Map<String, Map<String, Object>> variables = HelmChartTest.at(config, "variable");
        assertThat(variables).isNotEmpty();
        variables.forEach((name, variable) -> {
            assertThat((String) variable.get("description")).as("description of %s", name).isNotBlank();
            if (!String.valueOf(variable.get("type")).contains("bool")) {
                assertThat(variable).as("validation of %s", name).containsKey("validation");
            }
        });
        Map<String, Map<String, Object>> outputs = HelmChartTest.at(config, "output");
        assertThat(outputs).isNotEmpty().allSatisfy((name, output) ->
                assertThat((String) output.get("description")).as("description of output %s", name).isNotBlank());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleVariableFilesSetEveryRequiredVariableAndNothingUnknown() throws Exception {
        Map<String, Map<String, Object>> variables = HelmChartTest.at(config, "variable");
        Set<String> required = variables.entrySet().stream().filter(v -> !v.getValue().containsKey("default"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        for (String environment : List.of("staging", "prod")) {
            Map<String, Object> values = (Map<String, Object>) plain(new HCLParser().parse(TERRAFORM.resolve(environment + ".tfvars").toFile(), "UTF-8"));
            assertThat(values.keySet()).as(environment).containsAll(required);
            assertThat(variables.keySet()).as(environment).containsAll(values.keySet());
            assertThat(values).as(environment).containsEntry("environment", environment);
        }
        assertThat(Files.readString(TERRAFORM.resolve("backend.hcl.example"))).contains("bucket", "dynamodb_table", "encrypt        = true");
        assertThat(source).containsPattern("backend \"s3\"");
    }
}
