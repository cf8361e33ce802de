package dev.cuddlies.warmth.switches;

import java.util.Optional;

/**
 * Where the eWeLink OAuth2 tokens live, shared by every function that talks to the cloud (the skill
 * and the control step). A refresh rotates the pair; the new pair is saved here over the version it
 * replaced, so a function whose tokens were rotated by another reloads them instead of refreshing
 * again (which would sign the other one out).
 */
public interface EwelinkTokenStore {

    /** An access token and the refresh token that renews it. {@link #toString()} shows neither. */
    record Tokens(String access, String refresh) {
        @Override
        public String toString() {
            return "Tokens[****]";
        }
    }

    /**
     * Tokens and the store's version of them.
     *
     * @param version empty when they were not read from the shared store (it could not be reached)
     */
    record Stored(Tokens tokens, Optional<String> version) {
    }

    /** The shared pair now (the configured one until a refresh has been saved). */
    Stored current();

    /**
     * Saves a refreshed pair if the shared one is still {@code replaced}.
     *
     * @return what is now current: {@code fresh}, or the pair another function saved first
     */
    Stored replace(Stored replaced, Tokens fresh);

    /**
     * A store made on first use, so its credentials (read from Secrets Manager) are fetched when the
     * switch is first used rather than when the container starts; a failed attempt is tried again next
     * time.
     */
    static EwelinkTokenStore lazily(java.util.function.Supplier<EwelinkTokenStore> make) {
        return new EwelinkTokenStore() {
            private EwelinkTokenStore made;

            private synchronized EwelinkTokenStore made() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }

            @Override
            public Stored current() {
                return made().current();
            }

            @Override
            public Stored replace(Stored replaced, Tokens fresh) {
                return made().replace(replaced, fresh);
            }
        };
    }

    /** One process's own tokens (the local console, tests): nothing to share. */
    static EwelinkTokenStore inMemory(Tokens configured) {
        return new EwelinkTokenStore() {
            private Stored current = new Stored(configured, Optional.of("0"));

            @Override
            public synchronized Stored current() {
                return current;
            }

            @Override
            public synchronized Stored replace(Stored replaced, Tokens fresh) {
                if (current.version().equals(replaced.version())) {
                    current = new Stored(fresh, Optional.of(String.valueOf(Long.parseLong(current.version().get()) + 1)));
                }
                return current;
            }
        };
    }
}
