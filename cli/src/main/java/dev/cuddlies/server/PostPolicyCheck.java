package dev.cuddlies.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.web.PostPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a browser upload form the way S3 checks POST Object: the SigV4 signature of the policy,
 * its expiration, and that every field and the file meet the policy's conditions (exact values,
 * {@code starts-with}, {@code content-length-range}); a field the policy does not mention is refused.
 */
final class PostPolicyCheck {

    /** Why a form was refused, with S3's error code. */
    static final class Refused extends Exception {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** Fields every form has that the policy does not list (S3 exempts these too). */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostPolicy.Signer signer;
    private final String bucket;

    PostPolicyCheck(PostPolicy.Signer signer, String bucket) {
        this.signer = signer;
        this.bucket = bucket;
    }

    void check(MultipartForm form, Instant now) throws Refused {
        String policy = form.field("policy").orElseThrow(() -> new Refused(400, "InvalidArgument", "no policy"));
        String credential = form.field("x-amz-credential").orElse("");
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[0].equals(signer.accessKeyId()) || !scope[3].equals("s3")
                || !scope[4].equals("aws4_request")) {
            throw new Refused(403, "InvalidAccessKeyId", "unknown credential");
        }
        if (!PostPolicy.ALGORITHM.equals(form.field("x-amz-algorithm").orElse(""))) {
            throw new Refused(400, "InvalidArgument", "unsupported algorithm");
        }
        String expected = PostPolicy.signature(signer.secretKey(), scope[1], scope[2], policy);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                form.field("x-amz-signature").orElse("").getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(403, "SignatureDoesNotMatch", "the signature does not match");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(Base64.getDecoder().decode(policy));
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(400, "InvalidPolicyDocument", "the policy is not JSON");
        }
        if (!Instant.parse(doc.path("expiration").asText("1970-01-01T00:00:00Z")).isAfter(now)) {
            throw new Refused(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }
        if (form.file() == null) {
            throw new Refused(400, "InvalidArgument", "no file");
        }
        Set<String> covered = new HashSet<>();
        for (JsonNode c : doc.path("conditions")) {
            if (c.isObject()) {
                var e = c.fields().next();
                requireEqual(form, e.getKey(), e.getValue().asText());
                covered.add(e.getKey().toLowerCase(Locale.ROOT));
            } else if (c.isArray() && c.get(0).asText().equals("content-length-range")) {
                long size = form.file().length;
                if (size < c.get(1).asLong() || size > c.get(2).asLong()) {
                    throw new Refused(400, size > c.get(2).asLong() ? "EntityTooLarge" : "EntityTooSmall",
                            "the file is " + size + " bytes");
                }
            } else if (c.isArray() && c.size() == 3) {
                String op = c.get(0).asText();
                String name = c.get(1).asText().replaceFirst("^\\$", "");
                String value = name.equals("bucket") ? bucket : fieldIgnoringCase(form, name);
                boolean ok = op.equals("eq") ? c.get(2).asText().equals(value)
                        : op.equals("starts-with") && value != null && value.startsWith(c.get(2).asText());
                if (!ok) {
                    throw new Refused(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + c);
                }
                covered.add(name.toLowerCase(Locale.ROOT));
            } else {
                throw new Refused(400, "InvalidPolicyDocument", "unknown condition " + c);
            }
        }
        for (String field : form.fields().keySet()) {
            String lower = field.toLowerCase(Locale.ROOT);
            if (!EXEMPT.contains(lower) && !covered.contains(lower)) {
                throw new Refused(403, "AccessDenied", "Invalid according to Policy: Extra input fields: " + field);
            }
        }
    }

    private void requireEqual(MultipartForm form, String name, String value) throws Refused {
        String actual = name.equals("bucket") ? bucket : fieldIgnoringCase(form, name);
        if (!value.equals(actual)) {
            throw new Refused(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + name);
        }
    }

    private static String fieldIgnoringCase(MultipartForm form, String name) {
        return form.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }
}
