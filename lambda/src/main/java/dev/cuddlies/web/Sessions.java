package dev.cuddlies.web;

import dev.cuddlies.maker.UserKeys;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The page's memory of a pairing: a cookie {@code <userKey>.<linkedAt>.<signature>}, signed with a
 * key derived from the deployment's secret and valid {@link #LIFETIME} from the pairing. The user key
 * is already a keyed hash; the Alexa user id is never in it. A signed cookie alone is not enough: the
 * caller also checks that the phone link it names still exists with the same time
 * ({@link PairingCodes#linkedAt}), so "delete everything" ends it.
 */
public final class Sessions {

    public static final String COOKIE = "cuddlies_session";
    public static final Duration LIFETIME = Duration.ofDays(30);

    private final byte[] key;
    private final boolean secure;

    /** @param secure the page is served over HTTPS, so the cookie is sent only there */
    public Sessions(UserKeys keys, boolean secure) {
        this.key = keys.derive("session-cookie");
        this.secure = secure;
    }

    /** A session's content once its signature and age are checked. */
    public record Session(String userKey, Instant linkedAt) {
    }

    public String cookieValue(String userKey, Instant linkedAt) {
        String body = userKey + "." + linkedAt.getEpochSecond();
        return body + "." + Hmac.hex(key, body);
    }

    /** The session in a cookie value, if it is ours, unaltered and younger than {@link #LIFETIME}. */
    public Optional<Session> read(String cookieValue, Instant now) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9a-f]{32}") || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String expected = Hmac.hex(key, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant linkedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (!now.isBefore(linkedAt.plus(LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(new Session(parts[0], linkedAt));
    }

    /** The Set-Cookie header that keeps the session for its remaining life. */
    public String setCookie(String value, Instant linkedAt, Instant now) {
        long maxAge = Math.max(0, Duration.between(now, linkedAt.plus(LIFETIME)).toSeconds());
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    public String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
