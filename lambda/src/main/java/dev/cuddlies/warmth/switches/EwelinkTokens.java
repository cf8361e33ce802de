package dev.cuddlies.warmth.switches;

/**
 * eWeLink OAuth2 tokens. The access token expires (API error 402) and is then refreshed with the
 * refresh token; the new pair replaces the old for the life of the container.
 */
public final class EwelinkTokens {

    private String accessToken;
    private String refreshToken;

    public EwelinkTokens(String accessToken, String refreshToken) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    synchronized String accessToken() {
        return accessToken;
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized void replace(String access, String refresh) {
        this.accessToken = access;
        this.refreshToken = refresh;
    }
}
