package dev.cuddlies.web;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.storage.S3BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presigned POST form against S3Mock's POST Object, and conditional writes against its PUT.
 * S3Mock stores what a form posts but checks neither the policy nor its signature (it checks no
 * signatures at all), so those checks are tested against the local /upload, which applies them as
 * S3 documents ({@code LocalUploadTest}), and the signing key chain against AWS's published example.
 */
class PresignedPostS3MockTest {

    private static final String BUCKET = "cuddlies-post-test";

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withInitialBuckets(BUCKET).build();

    private final S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + S3.getHttpPort()))
            .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();

    @Test
    void aBrowserFormPostedToTheBucketStoresThePictureUnderItsKey() throws Exception {
        PostPolicy forms = new PostPolicy(URI.create("http://127.0.0.1:" + S3.getHttpPort() + "/" + BUCKET + "/"), BUCKET,
                "us-east-1", () -> new PostPolicy.Signer("test", "test", Optional.of("token")), 15 * 1024 * 1024,
                Clock.systemUTC());
        UploadForm form = forms.form("uploads/0123456789abcdef0123456789abcdef/20261130-100000-aa.png", Duration.ofMinutes(10));
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("Content-Type", "image/png");
        byte[] picture = TestPictures.bearPng();
        MultipartBody body = MultipartBody.of(fields, "image/png", picture);

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(form.action())
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
        var stored = s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(form.fields().get("key")));
        assertThat(stored.asByteArray()).isEqualTo(picture);
        assertThat(stored.response().contentType()).isEqualTo("image/png");
    }

    @Test
    void aConditionalWriteNeverReplacesAnObject() throws Exception {
        S3BlobStore store = new S3BlobStore(s3, S3Presigner.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build(), BUCKET);

        assertThat(store.putIfAbsent("pairings/codes/abc.json", "first".getBytes(), "application/json", Duration.ofSeconds(5))).isTrue();
        assertThat(store.putIfAbsent("pairings/codes/abc.json", "second".getBytes(), "application/json", Duration.ofSeconds(5))).isFalse();
        assertThat(store.get("pairings/codes/abc.json", 100, Duration.ofSeconds(5))).isEqualTo("first".getBytes());
    }
}
