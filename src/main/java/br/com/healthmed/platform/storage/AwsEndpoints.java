package br.com.healthmed.platform.storage;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * Where an AWS client of the service connects (DynamoDB, SES, Amazon Location): in AWS, the region's endpoint
 * with the default credentials chain (the pod's role); else a local compatible engine at {@code endpoint}
 * (dynalite, aws-ses-v2-local, a geocoding stub), which wants a signed request but takes any credentials.
 */
public final class AwsEndpoints {

    private AwsEndpoints() {}

    /** {@code builder} set to connect to {@code endpoint} if there is one, to AWS otherwise. */
    public static <B extends AwsClientBuilder<B, C>, C> B connect(B builder, @Nullable URI endpoint) {
        if (endpoint != null) {
            return builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
}
