package dev.cuddlies.warmth.switches;

import java.util.function.Supplier;

/**
 * eWeLink OAuth2 tokens. The access token expires (API error 402) and is then refreshed with the
 * refresh token; the new pair replaces the old for the life of the container. The stored pair (in
 * Secrets Manager) is looked at again at each use: when someone stores a new pair (the account was
 * linked again, or rotated), it replaces whatever the container had.
 */
public final class EwelinkTokens {

    private final Supplier<String> storedAccess;
    private final Supplier<String> storedRefresh;
    private String lastStoredAccess;
    private String lastStoredRefresh;
    private String accessToken;
    private String refreshToken;

    public EwelinkTokens(String accessToken, String refreshToken) {
        this(() -> accessToken, () -> refreshToken);
    }

    /** @param storedAccess the stored tokens, read at each use (through a cache) */
    public EwelinkTokens(Supplier<String> storedAccess, Supplier<String> storedRefresh) {
        this.storedAccess = storedAccess;
        this.storedRefresh = storedRefresh;
    }

    synchronized String accessToken() {
        adoptStoredIfNew();
        return accessToken;
    }

    synchronized String refreshToken() {
        adoptStoredIfNew();
        return refreshToken;
    }

    synchronized void replace(String access, String refresh) {
        this.accessToken = access;
        this.refreshToken = refresh;
    }

    private void adoptStoredIfNew() {
        String access = storedAccess.get();
        String refresh = storedRefresh.get();
        if (!access.equals(lastStoredAccess) || !refresh.equals(lastStoredRefresh)) {
            lastStoredAccess = access;
            lastStoredRefresh = refresh;
            accessToken = access;
            refreshToken = refresh;
        }
    }
}
