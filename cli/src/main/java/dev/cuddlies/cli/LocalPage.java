package dev.cuddlies.cli;

import com.amazon.ask.Skill;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.server.AlexaRequestVerifier;
import dev.cuddlies.server.LocalWeb;
import dev.cuddlies.server.SkillServer;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.Expiry;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.web.PairingCodes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The phone page served from this machine with local storage (for {@code web}, {@code simulate} and
 * {@code skill-server}), and the bucket's lifecycle rules applied to the folder every hour.
 *
 * @param config the configuration with the page's address set ({@link AppConfig#webUrl()})
 */
record LocalPage(AppConfig config, SkillServer server, ScheduledExecutorService housekeeping) implements AutoCloseable {

    /** The bucket's rules in AWS: uploads after a day, pairing state after a day, phone links after 31 days. */
    static final List<Expiry> RULES = List.of(new Expiry("uploads/", Expiry.ONE_DAY),
            new Expiry(PairingCodes.CODES, Expiry.ONE_DAY), new Expiry(PairingCodes.REDEEMED, Expiry.ONE_DAY),
            new Expiry(PairingCodes.CLIENTS, Expiry.ONE_DAY), new Expiry(PairingCodes.USERS, Expiry.ONE_DAY),
            new Expiry(PairingCodes.LINKS, Duration.ofDays(31)));

    /**
     * The configuration with the page's address: the configured public one (a home server behind a
     * tunnel, {@code CUDDLIES_WEB_URL}), or this machine's {@code http://host:port/go}.
     *
     * @param port the port to serve on; 0 picks a free one from 8080 up
     */
    static AppConfig configure(AppConfig base, String host, int port) throws IOException {
        return base.withWebUrl(base.webUrl().isPresent() ? base.webUrl().get() : address(host, port));
    }

    /**
     * @param config from {@link #configure}
     * @param skill  Alexa's endpoint on the same port ({@code POST /alexa}), if wanted
     */
    static LocalPage start(AppConfig config, String host, int port, Optional<Skill> skill, Clock clock) throws IOException {
        return start(config, host, port, skill, Optional.empty(), clock);
    }

    /** With Alexa's request checks on the skill's endpoint (a home server reached by Alexa). */
    static LocalPage startWithVerifier(AppConfig config, String host, int port, Skill skill,
                                       Optional<AlexaRequestVerifier> verifier, Clock clock)
            throws IOException {
        return start(config, host, port, Optional.of(skill), verifier, clock);
    }

    private static LocalPage start(AppConfig config, String host, int port, Optional<Skill> skill,
                                   Optional<AlexaRequestVerifier> verifier, Clock clock)
            throws IOException {
        if (port == 0 && config.webUrl().orElseThrow().getHost().equals(host)) {
            port = config.webUrl().get().getPort();
        }
        BlobStore store = Services.store(config);
        UserKeys keys = Services.userKeys(config, clock);
        LocalWeb web = new LocalWeb(Services.web(config, store, keys, clock), store, keys, Optional.of(config.dataDir()),
                clock);
        SkillServer server = SkillServer.start(host, port, skill, verifier, Optional.of(config.dataDir()),
                Optional.of(web));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lifecycle");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleAtFixedRate(() -> expire(store, clock), 0, 1, TimeUnit.HOURS);
        return new LocalPage(config, server, housekeeping);
    }

    /** The page's address as a phone or this machine's browser opens it. */
    URI address() {
        return config.webUrl().orElseThrow();
    }

    /** A free port near {@code preferred}, for a console that should not fail because 8080 is taken. */
    static int freePort(String host, int preferred) {
        for (int p = preferred; p < preferred + 20; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName(host))) {
                return p;
            } catch (IOException taken) {
                // try the next one
            }
        }
        return 0;
    }

    private static URI address(String host, int port) throws IOException {
        int actual = port;
        if (actual == 0) {
            actual = freePort(host, 8080);
        }
        String shown = host.equals("0.0.0.0") ? InetAddress.getLocalHost().getHostAddress() : host;
        return URI.create("http://" + shown + ":" + actual + "/go");
    }

    private static void expire(BlobStore store, Clock clock) {
        for (Expiry rule : RULES) {
            try {
                rule.apply(store, clock.instant());
            } catch (StorageException e) {
                // tried again in an hour
            }
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.close();
    }
}
