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
import dev.cuddlies.storage.S3BlobStore;
import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.SafetyPolicy;
import dev.cuddlies.warmth.WarmthService;
import dev.cuddlies.warmth.switches.SwitchConfig;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The outside world, built once per container from an {@link AppConfig}: storage, the outline
 * service and the maker. AWS clients use the JDK's URL-connection HTTP client and explicit timeouts.
 */
public record Services(BlobStore store, OutlineService outlines, UserKeys userKeys, CuddlieMaker maker,
                       Optional<WarmthService> warmth) {

    /** Without a heater switch: the warmth intents explain that none is set up. */
    public Services(BlobStore store, OutlineService outlines, UserKeys userKeys, CuddlieMaker maker) {
        this(store, outlines, userKeys, maker, Optional.empty());
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(800);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    public static Services create(AppConfig config, Clock clock) {
        return create(config, SwitchConfig.none(), clock);
    }

    public static Services create(AppConfig config, SwitchConfig switches, Clock clock) {
        BlobStore store = config.bucket().isPresent() ? s3Store(config)
                : new LocalBlobStore(config.dataDir(), config.publicUrl());
        OutlineService outlines = config.outlineEndpoint().isPresent()
                ? new SageMakerOutlineService(sageMaker(config), config.outlineEndpoint().get())
                : new InProcessOutlineService(new OutlineEngine(OutlineConfig.defaults()));
        UserKeys keys = new UserKeys(secret(config));
        Optional<WarmthService> warmth = switches.build(clock).map(driver ->
                new WarmthService(driver, new SafetyPolicy(SafetyLimits.defaults()), store, clock));
        return new Services(store, outlines, keys,
                new CuddlieMaker(store, outlines, keys, CuddlieMaker.Limits.defaults(), clock), warmth);
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    }

    private static S3BlobStore s3Store(AppConfig config) {
        Region region = Region.of(config.region());
        var s3 = S3Client.builder().region(region).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.s3Endpoint().isPresent()).build());
        var presigner = S3Presigner.builder().region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.s3Endpoint().isPresent()).build());
        config.s3Endpoint().ifPresent(uri -> {
            s3.endpointOverride(uri);
            presigner.endpointOverride(uri);
        });
        return new S3BlobStore(s3.build(), presigner.build(), config.bucket().orElseThrow());
    }

    private static SageMakerRuntimeClient sageMaker(AppConfig config) {
        var b = SageMakerRuntimeClient.builder().region(Region.of(config.region())).httpClientBuilder(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.sageMakerEndpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    /** The configured secret, or locally one generated once and kept beside the data. */
    private static byte[] secret(AppConfig config) {
        if (config.userKeySecret().isPresent()) {
            return config.userKeySecret().get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = config.dataDir().resolve(".user-key-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(config.dataDir());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, HexFormat.of().formatHex(fresh));
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local user-key secret in " + config.dataDir(), e);
        }
    }
}
