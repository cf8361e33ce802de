package dev.cuddlies.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.maker.UserKeys;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Presigned POST forms for S3 browser uploads, signed with Signature Version 4. The AWS SDK v2 has no
 * helper for these, so this is S3's documented algorithm: a JSON policy (expiration and conditions)
 * is base64-encoded, and that string is signed with HMAC-SHA256 under the signing key derived as
 * {@code kDate = HMAC("AWS4" + secret, yyyyMMdd)}, {@code kRegion = HMAC(kDate, region)},
 * {@code kService = HMAC(kRegion, "s3")}, {@code kSigning = HMAC(kService, "aws4_request")}.
 *
 * <p>Every form limits the upload to one exact key, a {@code Content-Type} starting with
 * {@code image/} and a size between 1 byte and {@code maxBytes} ({@code content-length-range}).
 */
public final class PostPolicy implements UploadForms {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The credentials that sign: the function's own (temporary, so with a session token) or a local key. */
    public record Signer(String accessKeyId, String secretKey, Optional<String> sessionToken) {
        @Override
        public String toString() {
            return "Signer[" + accessKeyId + "]";
        }
    }

    private final URI action;
    private final String bucket;
    private final String region;
    private final Supplier<Signer> signer;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param action   the bucket's URL the browser posts to
     * @param signer   resolved at each form, so rotated temporary credentials are picked up
     * @param maxBytes the largest upload accepted, in bytes
     */
    public PostPolicy(URI action, String bucket, String region, Supplier<Signer> signer, long maxBytes, Clock clock) {
        this.action = action;
        this.bucket = bucket;
        this.region = region;
        this.signer = signer;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * Forms for the local server's {@code /upload}, which checks them as S3 does; signed with a key
     * derived from the local secret (see {@link #localSigner}).
     */
    public static PostPolicy local(URI action, UserKeys keys, long maxBytes, Clock clock) {
        return new PostPolicy(action, LOCAL_BUCKET, LOCAL_REGION, () -> localSigner(keys), maxBytes, clock);
    }

    public static final String LOCAL_BUCKET = "cuddlies-local";
    public static final String LOCAL_REGION = "local";

    /** The local server's signing credentials. */
    public static Signer localSigner(UserKeys keys) {
        return new Signer("cuddlies-local", java.util.HexFormat.of().formatHex(keys.derive("local-upload-form")),
                Optional.empty());
    }

    @Override
    public URI action() {
        return action;
    }

    @Override
    public UploadForm form(String key, Duration validity) {
        Signer s = signer.get();
        Instant now = clock.instant();
        String credential = s.accessKeyId() + "/" + DAY.format(now) + "/" + region + "/s3/aws4_request";
        String amzDate = AMZ_DATE.format(now);

        ObjectNode policy = JSON.createObjectNode();
        policy.put("expiration", EXPIRATION.format(now.plus(validity)));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        conditions.addObject().put("key", key);
        conditions.addArray().add("starts-with").add("$Content-Type").add("image/");
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        conditions.addObject().put("x-amz-algorithm", ALGORITHM);
        conditions.addObject().put("x-amz-credential", credential);
        conditions.addObject().put("x-amz-date", amzDate);
        s.sessionToken().ifPresent(t -> conditions.addObject().put("x-amz-security-token", t));
        String encoded = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        s.sessionToken().ifPresent(t -> fields.put("x-amz-security-token", t));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature(s.secretKey(), DAY.format(now), region, encoded));
        return new UploadForm(action, fields, maxBytes);
    }

    /** The hex signature of a base64 policy, for a day (yyyyMMdd) and region. */
    public static String signature(String secretKey, String day, String region, String base64Policy) {
        return Hmac.hex(signingKey(secretKey, day, region, "s3"), base64Policy);
    }

    /** SigV4's signing key chain. */
    public static byte[] signingKey(String secretKey, String day, String region, String service) {
        byte[] kDate = Hmac.sha256(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        byte[] kRegion = Hmac.sha256(kDate, region);
        byte[] kService = Hmac.sha256(kRegion, service);
        return Hmac.sha256(kService, "aws4_request");
    }
}
