package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import com.amazon.ask.Skill;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.config.WarmthSettings;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.server.AlexaRequestVerifier;
import dev.cuddlies.server.CertificateSource;
import dev.cuddlies.server.JdkHttpLimits;
import dev.cuddlies.server.SkillServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code skill-server [--port 8443] [--config FILE]}: the skill served from a machine at home, behind
 * the user's own HTTPS tunnel or reverse proxy, so the Sonoff LAN driver and local storage are a real
 * deployment. Configuration: the same CUDDLIES_* settings as Lambda, from a properties file and/or
 * the environment (the file wins).
 */
@Command(name = "skill-server", mixinStandardHelpOptions = true,
        description = "Serve the skill as an HTTPS web service endpoint (TLS at your tunnel or reverse proxy).")
final class SkillServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8443", description = "port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--config", description = "properties file of CUDDLIES_* settings (e.g. CUDDLIES_SKILL_ID, CUDDLIES_SWITCH_DRIVER=lan)")
    private Path configFile;

    @Option(names = "--no-verify", description = "skip Alexa's request signature checks: local testing only, "
            + "refused unless bound to loopback")
    private boolean noVerify;

    @Option(names = "--read-timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "a request's headers and body must arrive within this (default: ${DEFAULT-VALUE})")
    private int readTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        // Before the first HTTP server of this JVM exists: the JDK reads these settings once.
        JdkHttpLimits defaults = JdkHttpLimits.skillServerDefaults();
        new JdkHttpLimits(readTimeoutSeconds, defaults.idleTimeoutSeconds(), defaults.maxConnections()).install();
        Map<String, String> settings = new HashMap<>(System.getenv());
        if (configFile != null) {
            settings.putAll(read(configFile));
        }
        if (noVerify && !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new UserError("--no-verify is only allowed on a loopback address (--host 127.0.0.1): anyone "
                    + "could otherwise talk to your heater");
        }
        String skillId = settings.get("CUDDLIES_SKILL_ID");
        if (!noVerify && (skillId == null || skillId.isBlank())) {
            throw new UserError("set CUDDLIES_SKILL_ID (in --config or the environment): requests are checked against it");
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnv(settings);
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
        if (!settings.containsKey("CUDDLIES_CONTROL_STEP_SECONDS")) {
            config = config.withWarmth(config.warmth().withControlStep(WarmthSettings.LOCAL_CONTROL_STEP));
        }
        Clock clock = Clock.systemUTC();
        boolean localPage = config.bucket().isEmpty();
        if (localPage) {
            // The phone page on the same port, with local storage (in AWS the web function serves it).
            config = LocalPage.configure(config, host, port);
        }
        Services services = Services.create(config, clock);
        Optional<AlexaRequestVerifier> verifier = noVerify ? Optional.empty() : Optional.of(new AlexaRequestVerifier(
                CertificateSource.fetchedAndCached(), AlexaRequestVerifier.systemTrustAnchors(), config.skillId(), clock));
        ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor();
        // tick() never throws, so the schedule is never cancelled by a fault.
        services.warmth().ifPresent(w -> control.scheduleAtFixedRate(w::tick, w.controlStep().toMillis(),
                w.controlStep().toMillis(), TimeUnit.MILLISECONDS));
        Skill skill = CuddliesSkill.build(config, services, clock);
        AutoCloseable serving;
        int boundPort;
        if (localPage) {
            LocalPage page = LocalPage.startWithVerifier(config, host, port, skill, verifier, clock);
            serving = page;
            boundPort = page.server().port();
        } else {
            SkillServer server = SkillServer.start(host, port, skill, verifier, Optional.empty());
            serving = server;
            boundPort = server.port();
        }
        if (noVerify) {
            spec.commandLine().getErr().println("""
                    ************************************************************************
                    *  WARNING: --no-verify. Requests are NOT checked to come from Alexa.   *
                    *  Local testing only; bound to loopback. Never expose this port.      *
                    ************************************************************************""");
        }
        spec.commandLine().getErr().printf("skill server on %s:%d (skill %s, storage %s, switch %s)%s%n", host,
                boundPort, config.skillId(), config.bucket().map(b -> "s3://" + b).orElse(config.dataDir().toString()),
                config.switches().driver(), config.webUrl().map(u -> ", phone page " + u).orElse(""));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.shutdownNow();
            services.warmth().ifPresent(w -> w.stop());
            try {
                serving.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserError("cannot read " + file);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }
}
