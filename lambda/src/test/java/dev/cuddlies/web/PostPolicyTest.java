package dev.cuddlies.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostPolicyTest {

    private static final Clock AT = Clock.fixed(Instant.parse("2026-11-30T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void signingKeyChainMatchesAwsPublishedSignatureVersion4Example() {
        // AWS's worked example (IAM ListUsers, 2015-08-30): this string to sign, under this signing
        // key chain, has the published signature 5d672d79….
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
        byte[] key = PostPolicy.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam");

        assertThat(HexFormat.of().formatHex(Hmac.sha256(key, stringToSign)))
                .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void formLimitsKeyTypeAndSizeAndIsSignedOverTheBase64Policy() throws Exception {
        PostPolicy forms = new PostPolicy(URI.create("https://pics.s3.eu-west-1.amazonaws.com/"), "pics", "eu-west-1",
                () -> new PostPolicy.Signer("AKIDEXAMPLE", "secret", Optional.of("session-token")), 15 * 1024 * 1024, AT);

        UploadForm form = forms.form("uploads/abc/1.jpg", Duration.ofMinutes(10));

        assertThat(form.fields()).containsKeys("key", "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                "x-amz-security-token", "policy", "x-amz-signature");
        assertThat(form.fields().get("x-amz-credential")).isEqualTo("AKIDEXAMPLE/20261130/eu-west-1/s3/aws4_request");
        assertThat(form.fields().get("x-amz-date")).isEqualTo("20261130T101530Z");
        JsonNode policy = new ObjectMapper().readTree(Base64.getDecoder().decode(form.fields().get("policy")));
        assertThat(policy.path("expiration").asText()).isEqualTo("2026-11-30T10:25:30.000Z");
        assertThat(policy.path("conditions").toString())
                .contains("{\"bucket\":\"pics\"}", "{\"key\":\"uploads/abc/1.jpg\"}",
                        "[\"starts-with\",\"$Content-Type\",\"image/\"]", "[\"content-length-range\",1,15728640]",
                        "{\"x-amz-security-token\":\"session-token\"}");
        assertThat(form.fields().get("x-amz-signature")).isEqualTo(HexFormat.of().formatHex(Hmac.sha256(
                PostPolicy.signingKey("secret", "20261130", "eu-west-1", "s3"),
                new String(form.fields().get("policy").getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII))));
        assertThat(form.fields().keySet()).first().isEqualTo("key");
    }

    @Test
    void signerNeverPrintsTheSecret() {
        assertThat(new PostPolicy.Signer("AKID", "very-secret", Optional.of("token")).toString()).doesNotContain("very-secret", "token");
    }
}
