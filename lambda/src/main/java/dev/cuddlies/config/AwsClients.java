package dev.cuddlies.config;

import dev.cuddlies.storage.S3BlobStore;
import dev.cuddlies.web.PostPolicy;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Every AWS client the functions use, built the one way: the JDK's URL-connection HTTP client (small,
 * quick to start), explicit timeouts, the region from configuration, the default credential chain.
 * Only the clients a function needs are built (the warmth tick builds no SageMaker client).
 */
final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(800);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private AwsClients() {
    }

    static S3BlobStore s3Store(AppConfig config) {
        Region region = Region.of(config.region());
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(config.s3Endpoint().isPresent()).build();
        var s3 = S3Client.builder().region(region).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).serviceConfiguration(pathStyle);
        var presigner = S3Presigner.builder().region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).serviceConfiguration(pathStyle);
        config.s3Endpoint().ifPresent(uri -> {
            s3.endpointOverride(uri);
            presigner.endpointOverride(uri);
        });
        return new S3BlobStore(s3.build(), presigner.build(), config.bucket().orElseThrow());
    }

    /**
     * Browser upload forms for the bucket, signed with the function's own credentials (temporary in
     * Lambda, so each form carries the session token).
     */
    static PostPolicy uploadForms(AppConfig config, long maxBytes, Clock clock) {
        String bucket = config.bucket().orElseThrow();
        URI action = config.s3Endpoint().map(e -> URI.create(e.toString().replaceAll("/$", "") + "/" + bucket + "/"))
                .orElse(URI.create("https://" + bucket + ".s3." + config.region() + ".amazonaws.com/"));
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        return new PostPolicy(action, bucket, config.region(), () -> {
            AwsCredentials c = credentials.resolveCredentials();
            return new PostPolicy.Signer(c.accessKeyId(), c.secretAccessKey(),
                    c instanceof AwsSessionCredentials s ? Optional.of(s.sessionToken()) : Optional.empty());
        }, maxBytes, clock);
    }

    static SageMakerRuntimeClient sageMaker(AppConfig config) {
        var b = SageMakerRuntimeClient.builder().region(Region.of(config.region())).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.sageMakerEndpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    static SecretsManagerClient secretsManager(AppConfig config) {
        var b = SecretsManagerClient.builder().region(Region.of(config.region())).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.secretsEndpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    /** @param endpoint the account's IoT data endpoint, or empty for the region's default */
    static IotDataPlaneClient iotData(AppConfig config, Optional<URI> endpoint) {
        var b = IotDataPlaneClient.builder().region(Region.of(config.region())).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    }
}
