package br.com.healthmed.platform.storage;

import br.com.healthmed.platform.StartUpStep;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The DynamoDB client and table, with {@code healthmed.storage=dynamodb}. */
@Configuration(proxyBeanMethods = false)
@OnDynamoStorage
class DynamoConfig {

    private static final Logger log = LoggerFactory.getLogger(DynamoConfig.class);

    @Bean
    StorageGuard dynamoDbGuard(DynamoProperties properties) {
        return properties.guard().guard("dynamodb", properties.maxConnections(), properties.apiCallTimeout());
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(DynamoProperties properties, StorageGuard dynamoDbGuard) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(properties.region()))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(properties.maxConnections()))
                // A slow DynamoDB must not hold a request thread: each attempt and the whole call with its
                // retries are bounded well under a second (DynamoDB answers in milliseconds), and the guard
                // sheds calls beyond the connection pool, stops calling a failing DynamoDB for a while, and
                // bounds a GraphQL request's calls together by its storage deadline (StorageDeadline).
                .overrideConfiguration(o -> o.apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                        .addExecutionInterceptor(dynamoDbGuard));
        return AwsEndpoints.connect(builder, properties.endpoint()).build();
    }

    @Bean
    DynamoTable dynamoTable(DynamoDbClient client, DynamoProperties properties) {
        DynamoTable table = new DynamoTable(client, properties.tableName());
        if (properties.createTable()) {
            log.info("Creating DynamoDB table '{}' if missing (healthmed.dynamodb.create-table=true)", table.name());
            // Tried now and, if DynamoDB is slow, again in the background: the application starts
            // meanwhile, with readiness DOWN (the dynamodb indicator finds no table) and its start-up
            // reads retried until the table is there, instead of a start-up that fails.
            tableCreation = StartUpStep.start("create the DynamoDB table '" + table.name() + "' if missing",
                    table::createIfMissing, StartUpStep.Backoff.DEFAULT);
        }
        return table;
    }

    private @Nullable StartUpStep tableCreation;

    @jakarta.annotation.PreDestroy
    void stopCreatingTheTable() {
        if (tableCreation != null) {
            tableCreation.close();
        }
    }

    /** {@code dynamodb} in the readiness group: the table answers {@code DescribeTable}. */
    @Bean
    HealthIndicator dynamodbHealthIndicator(DynamoTable table) {
        return new DynamoTableHealthIndicator(table);
    }

    /**
     * @param endpoint              a local engine's URL; absent in AWS
     * @param createTable           create the table at start-up (local runs against dynalite)
     * @param maxConnections        the connection pool, and so the calls that may run at once
     * @param apiCallTimeout        the longest a call may take, all its retries included
     * @param apiCallAttemptTimeout the longest one attempt of a call may take before it is retried
     * @param guard                 load shedding and circuit breaking ({@link StorageGuard})
     */
    @ConfigurationProperties("healthmed.dynamodb")
    record DynamoProperties(
            URI endpoint,
            @DefaultValue("sa-east-1") String region,
            @DefaultValue("healthmed") String tableName,
            @DefaultValue("false") boolean createTable,
            @DefaultValue("200") int maxConnections,
            @DefaultValue("PT1S") Duration apiCallTimeout,
            @DefaultValue("PT0.4S") Duration apiCallAttemptTimeout,
            @DefaultValue GuardProperties guard) {
    }
}
