package dev.cuddlies.storage;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, finding 6: the presigned upload link had no size limit and could overwrite for 15 minutes,
 * and a HEAD before the GET let the object change in between. S3 itself (here S3Mock, which does not
 * check signatures) enforces what the signature covers; this checks what is signed and what S3Mock
 * does enforce: the conditional write.
 */
class UploadLinkTest {

    private static final String BUCKET = "cuddlies-links";

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withInitialBuckets(BUCKET).build();

    private final StaticCredentialsProvider credentials =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private final URI endpoint = URI.create("http://127.0.0.1:" + S3.getHttpPort());
    private final S3BlobStore store = new S3BlobStore(
            S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build(),
            S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build(),
            BUCKET);

    @Test
    void theLinkSignsTheExactSizeAndTheNoOverwriteCondition() {
        PresignedPutObjectRequest link = store.presignUpload("uploads/u/p.png", "application/octet-stream", 1234,
                Duration.ofMinutes(5));

        Map<String, List<String>> signed = link.signedHeaders();
        assertThat(signed.get("content-length")).containsExactly("1234");
        assertThat(signed.get("if-none-match")).containsExactly("*");
        assertThat(link.url().toString()).contains("X-Amz-SignedHeaders=").contains("content-length")
                .contains("if-none-match").contains("X-Amz-Expires=300");
    }

    @Test
    void aSecondUploadThroughTheSameLinkCannotReplaceTheFirst() throws Exception {
        byte[] picture = new byte[1234];
        PresignedPutObjectRequest link = store.presignUpload("uploads/u/once.png", "application/octet-stream",
                picture.length, Duration.ofMinutes(5));

        assertThat(put(link, picture)).isEqualTo(200);
        assertThat(put(link, picture)).as("If-None-Match: * refuses to replace").isEqualTo(412);
    }

    @Test
    void anObjectLargerThanTheLimitIsRefusedFromTheGetItself() throws Exception {
        store.put("uploads/u/big.png", new byte[2_000], "image/png", Duration.ofSeconds(60));

        assertThatThrownBy(() -> store.get("uploads/u/big.png", 1_000, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.TOO_LARGE));
        assertThat(store.get("uploads/u/big.png", 2_000, Duration.ofSeconds(60))).hasSize(2_000);
    }

    private static int put(PresignedPutObjectRequest link, byte[] body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) link.url().openConnection();
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        link.signedHeaders().forEach((name, values) -> {
            if (!name.equals("host") && !name.equals("content-length")) {
                values.forEach(v -> c.addRequestProperty(name, v));
            }
        });
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return c.getResponseCode();
    }
}
