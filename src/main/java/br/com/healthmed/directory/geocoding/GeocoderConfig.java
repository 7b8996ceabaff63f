package br.com.healthmed.directory.geocoding;

import br.com.healthmed.directory.Geocoder;
import br.com.healthmed.platform.storage.AwsEndpoints;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.location.LocationClient;
import software.amazon.awssdk.services.location.LocationClientBuilder;

/** Chooses the geocoder by {@code healthmed.geocoder}: {@code none} (default) or {@code amazon-location}. */
@Configuration(proxyBeanMethods = false)
class GeocoderConfig {

    @Bean
    @ConditionalOnProperty(name = "healthmed.geocoder", havingValue = "none", matchIfMissing = true)
    Geocoder noGeocoder() {
        return Geocoder.NONE;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "healthmed.geocoder", havingValue = "amazon-location")
    static class AmazonLocation {

        @Bean(destroyMethod = "close")
        LocationClient locationClient(LocationProperties properties) {
            return client(properties);
        }

        @Bean
        Geocoder amazonLocationGeocoder(LocationClient client, LocationProperties properties) {
            return new AmazonLocationGeocoder(client, properties.placeIndex());
        }
    }

    static LocationClient client(LocationProperties properties) {
        if (properties.placeIndex() == null || properties.placeIndex().isBlank()) {
            throw new IllegalStateException("healthmed.geocoder=amazon-location needs healthmed.location.place-index");
        }
        boolean stub = properties.endpoint() != null;
        LocationClientBuilder builder = LocationClient.builder()
                .region(Region.of(properties.region()))
                .httpClientBuilder(ApacheHttpClient.builder())
                // A search waits for the geocoder: bound it like every other remote call. Against a
                // local stub the SDK would prefix the host ("places.127.0.0.1"): not there.
                // Standard retries: 3 attempts with jittered backoff, throttling included.
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, stub));
        return AwsEndpoints.connect(builder, properties.endpoint()).build();
    }

    /**
     * @param placeIndex the Amazon Location place index to search (required with amazon-location)
     * @param region     the index's AWS region
     * @param endpoint   a local stub's URL, for tests; unset in AWS
     */
    @ConfigurationProperties("healthmed.location")
    record LocationProperties(
            String placeIndex,
            @DefaultValue("sa-east-1") String region,
            URI endpoint,
            @DefaultValue("PT3S") Duration apiCallTimeout,
            @DefaultValue("PT1S") Duration apiCallAttemptTimeout) {}
}
