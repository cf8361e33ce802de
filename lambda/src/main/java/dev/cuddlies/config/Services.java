package dev.cuddlies.config;

import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.InProcessOutlineService;
import dev.cuddlies.maker.OutlineService;
import dev.cuddlies.maker.SageMakerOutlineService;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.warmth.SafetyPolicy;
import dev.cuddlies.warmth.WarmthService;
import dev.cuddlies.warmth.switches.BlobTokenStore;
import dev.cuddlies.warmth.switches.EwelinkDriver;
import dev.cuddlies.warmth.switches.EwelinkTokenStore;
import dev.cuddlies.warmth.switches.IftttDriver;
import dev.cuddlies.warmth.switches.LanDriver;
import dev.cuddlies.warmth.switches.SwitchDriver;
import dev.cuddlies.warmth.switches.TasmotaIotDriver;

import dev.cuddlies.web.PairingCodes;
import dev.cuddlies.web.PatternLibrary;
import dev.cuddlies.web.PostPolicy;
import dev.cuddlies.web.Sessions;
import dev.cuddlies.web.UploadForms;
import dev.cuddlies.web.WebApp;
import dev.cuddlies.web.WebAssets;

import java.io.IOException;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The outside world, built once per container from an {@link AppConfig}. The skill needs all of it
 * ({@link #create}); the warmth control step needs only storage and the switch ({@link #store},
 * {@link #warmth}).
 */
public record Services(BlobStore store, OutlineService outlines, UserKeys userKeys, CuddlieMaker maker,
                       Optional<WarmthService> warmth) {

    /** Without a heater switch: the warmth intents explain that none is set up. */
    public Services(BlobStore store, OutlineService outlines, UserKeys userKeys, CuddlieMaker maker) {
        this(store, outlines, userKeys, maker, Optional.empty());
    }

    /** Everything the skill uses. */
    public static Services create(AppConfig config, Clock clock) {
        BlobStore store = store(config);
        OutlineService outlines = config.outlineEndpoint().isPresent()
                ? new SageMakerOutlineService(AwsClients.sageMaker(config), config.outlineEndpoint().get())
                : new InProcessOutlineService(new OutlineEngine(OutlineConfig.defaults()));
        SecretsManagerSecrets secrets = secrets(config, clock);
        UserKeys keys = userKeys(config, secrets);
        return new Services(store, outlines, keys,
                new CuddlieMaker(store, outlines, keys, CuddlieMaker.Limits.defaults(), clock),
                warmth(config, store, secrets, clock));
    }

    /** Secrets Manager behind a cache; its client is built only if a stored secret is read. */
    public static SecretsManagerSecrets secrets(AppConfig config, Clock clock) {
        return new SecretsManagerSecrets(() -> AwsClients.secretsManager(config), clock);
    }

    /** Creates the file readable and writable by its owner only (0600) before anything is written to it. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text);
    }

    /** The keyed hash of user ids (and the keys derived from its secret). */
    public static UserKeys userKeys(AppConfig config, SecretsManagerSecrets secrets) {
        return new UserKeys(userKey(config, secrets));
    }

    /** The same, for a function that reads no other secret. */
    public static UserKeys userKeys(AppConfig config, Clock clock) {
        return userKeys(config, secrets(config, clock));
    }

    /**
     * The phone page and its API. Uploads go straight to the bucket with presigned POST forms; locally
     * to the local server's {@code /upload}, which checks the same form.
     */
    public static WebApp web(AppConfig config, BlobStore store, UserKeys keys, Clock clock) {
        URI page = config.webUrl().orElseThrow(() -> new IllegalStateException(
                "CUDDLIES_WEB_URL is not set: the page's address is said aloud and put on cards"));
        UploadForms forms = config.bucket().isPresent() ? AwsClients.uploadForms(config, MAX_UPLOAD_BYTES, clock)
                : PostPolicy.local(URI.create(page.getScheme() + "://" + page.getRawAuthority() + "/upload"), keys,
                MAX_UPLOAD_BYTES, clock);
        return new WebApp(new PairingCodes(store, keys, clock), new Sessions(keys, page.getScheme().equals("https")),
                forms, new PatternLibrary(store), WebAssets.load(), clock);
    }

    /** The largest picture the page may upload, after the browser has downsized it. */
    public static final long MAX_UPLOAD_BYTES = 15L * 1024 * 1024;

    /** S3 when a bucket is configured, otherwise the local folder. */
    public static BlobStore store(AppConfig config) {
        return config.bucket().isPresent() ? AwsClients.s3Store(config)
                : new LocalBlobStore(config.dataDir(), config.publicUrl());
    }

    /** The warmth core for the configured switch, or empty when there is none. */
    public static Optional<WarmthService> warmth(AppConfig config, BlobStore store, SecretsManagerSecrets secrets,
                                                 Clock clock) {
        return driver(config, store, secrets, clock).map(driver -> new WarmthService(driver,
                new SafetyPolicy(config.warmth().limits()), store, clock, config.warmth().controlStep()));
    }

    /** Drivers read their credentials at each use, so a rotated secret reaches them within the cache's TTL. */
    private static Optional<SwitchDriver> driver(AppConfig config, BlobStore store, SecretsManagerSecrets secrets,
                                                 Clock clock) {
        SwitchSettings settings = config.switches();
        if (settings instanceof SwitchSettings.Ifttt s) {
            return Optional.of(new IftttDriver(s.base(), secrets.supplier(s.key())));
        }
        if (settings instanceof SwitchSettings.Ewelink s) {
            // One token store for the skill and the control step: the bucket (or the local folder),
            // encrypted; made on first use, when the credentials are first needed.
            EwelinkTokenStore tokens = EwelinkTokenStore.lazily(() -> new BlobTokenStore(store,
                    secrets.supplier(s.appSecret()).get(), new EwelinkTokenStore.Tokens(
                    secrets.supplier(s.accessToken()).get(), secrets.supplier(s.refreshToken()).get())));
            return Optional.of(new EwelinkDriver(s.api(), s.appId(), secrets.supplier(s.appSecret()), s.deviceId(),
                    tokens, clock));
        }
        if (settings instanceof SwitchSettings.Lan s) {
            return Optional.of(new LanDriver(s.device(), s.deviceId(), clock));
        }
        if (settings instanceof SwitchSettings.Tasmota s) {
            return Optional.of(new TasmotaIotDriver(AwsClients.iotData(config, s.iotEndpoint()), s.topic(), s.thing(), clock));
        }
        return Optional.empty();
    }

    /**
     * The configured user-key secret, read once per container: it names every user's folder, so it is
     * not rotated while users have data. Locally, one is generated once and kept beside the data,
     * readable by its owner only.
     */
    private static byte[] userKey(AppConfig config, SecretsManagerSecrets secrets) {
        if (config.userKeySecret().isPresent()) {
            return secrets.supplier(config.userKeySecret().get()).get().getBytes(StandardCharsets.UTF_8);
        }
        if (config.bucket().isPresent()) {
            throw new IllegalStateException("CUDDLIES_USER_KEY_SECRET_ID is not set: user folders in the bucket need "
                    + "a keyed hash");
        }
        Path file = config.dataDir().resolve(".user-key-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(config.dataDir());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                writeOwnerOnly(file, HexFormat.of().formatHex(fresh));
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local user-key secret in " + config.dataDir(), e);
        }
    }
}
