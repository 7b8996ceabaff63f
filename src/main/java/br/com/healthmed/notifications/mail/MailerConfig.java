package br.com.healthmed.notifications.mail;

import br.com.healthmed.notifications.Mailer;
import br.com.healthmed.notifications.NotificationsProperties;
import br.com.healthmed.platform.storage.AwsEndpoints;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/** Chooses the mailer by {@code healthmed.notifications.mailer}: {@code memory} (the default) or {@code ses}. */
@Configuration(proxyBeanMethods = false)
class MailerConfig {

    static final String PROPERTY = "healthmed.notifications.mailer";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        InMemoryMailer mailer(NotificationsProperties properties) {
            return new InMemoryMailer(properties.fromAddress());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "ses")
    static class Ses {

        @Bean(destroyMethod = "close")
        SesV2Client sesV2Client(NotificationsProperties properties) {
            return sesClient(properties.ses());
        }

        @Bean
        Mailer mailer(SesV2Client ses, NotificationsProperties properties) {
            String configurationSet = properties.ses().configurationSet();
            return new SesMailer(ses, properties.fromAddress(),
                    Optional.ofNullable(configurationSet).filter(name -> !name.isBlank()));
        }
    }

    /**
     * The SES client: the SDK's standard retry strategy (exponential backoff with jitter, longer for
     * throttling) up to {@code maxAttempts}, each call bounded so a slow SES never holds a sender long.
     */
    static SesV2Client sesClient(NotificationsProperties.Ses ses) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(ses.region()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(ses.maxAttempts()).build())
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(30)));
        return AwsEndpoints.connect(builder, ses.endpoint()).build();
    }
}
