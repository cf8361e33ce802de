package dev.cuddlies.maker;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A user's storage key: HMAC-SHA256 of the Alexa user id under a secret, shortened. The raw user id
 * never appears in a key or a log, and without the secret nobody can tell whose folder is whose.
 */
public final class UserKeys {

    private static final int KEY_HEX_CHARS = 32;

    private final byte[] secret;

    public UserKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the user-key secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public String of(String alexaUserId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(alexaUserId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, KEY_HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * A key for another purpose (signing session cookies, hashing pairing codes), derived from the
     * same secret so a deployment keeps one secret; keys for different purposes are unrelated.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("cuddlies:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static String uploadsPrefix(String userKey) {
        return "uploads/" + userKey + "/";
    }

    /** Every pattern of the user, one folder each. */
    public static String patternsPrefix(String userKey) {
        return "patterns/" + userKey + "/";
    }

    public static String patternPrefix(String userKey, String patternId) {
        return "patterns/" + userKey + "/" + patternId + "/";
    }
}
