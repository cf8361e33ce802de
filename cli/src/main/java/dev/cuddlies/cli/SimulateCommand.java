package dev.cuddlies.cli;

import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.config.WarmthSettings;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.Uploads;
import dev.cuddlies.simulator.SkillSimulator;
import dev.cuddlies.simulator.UtteranceMatcher;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.aws.CuddliesStreamHandler;
import dev.cuddlies.devices.SimulatedHeater;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code simulate}: the skill on this machine, like the developer console's test simulator. Lines
 * typed (or piped) are matched against the interaction model's sample utterances and sent as real
 * request envelopes through the Lambda stream handler; Alexa's speech, card and the files written are
 * shown. Storage is a local folder and the outline runs in-process.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Talk to the skill locally: type what you would say to Alexa.",
            "upload FILE (or just a picture's path) puts a picture in place; quit leaves."})
final class SimulateCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", description = "local storage folder (default: CUDDLIES_HOME or ./cuddlies-data)")
    private Path data;

    @Option(names = "--locale", defaultValue = "en-US", description = "en-US, en-GB, en-CA, en-AU or en-IN (default: ${DEFAULT-VALUE})")
    private String locale;

    @Option(names = "--user", defaultValue = UploadCommand.LOCAL_USER, description = "Alexa user id to speak as")
    private String user;

    @Option(names = "--screen", description = "pretend the device has a screen (APL)")
    private boolean screen;

    @Option(names = "--switch", defaultValue = "simulated", paramLabel = "simulated|env",
            description = "heater switch: a simulated Sonoff TH on loopback (default), or the driver the "
                    + "environment configures (CUDDLIES_SWITCH_DRIVER…)")
    private String switchSource;

    @Option(names = "--web-port", defaultValue = "8080", description = "port of the phone page (default: "
            + "${DEFAULT-VALUE}, or the next free one); the skill speaks its address and a code")
    private int webPort;

    @Option(names = "--no-web", description = "no phone page (put pictures in place with: upload FILE)")
    private boolean noWeb;

    private static final String LOCALHOST = "127.0.0.1";

    @Override
    public Integer call() throws IOException {
        Path dataDir = data != null ? data : Path.of(System.getenv().getOrDefault("CUDDLIES_HOME", "cuddlies-data"));
        try (SimulatedHeater heater = switchSource.equals("env") ? null : SimulatedHeater.start()) {
            AppConfig fromEnv = AppConfig.fromEnv(System.getenv());
            AppConfig base = AppConfig.local(dataDir)
                    .withSwitches(heater == null ? fromEnv.switches() : heater.switchSettings())
                    .withWarmth(fromEnv.warmth().withControlStep(WarmthSettings.LOCAL_CONTROL_STEP));
            AppConfig config = noWeb ? base
                    : LocalPage.configure(base, LOCALHOST, LocalPage.freePort(LOCALHOST, webPort));
            Services services = Services.create(config, Clock.systemUTC());
            LocalPage page = noWeb ? null : LocalPage.start(config, LOCALHOST, config.webUrl().orElseThrow().getPort(),
                    Optional.empty(), Clock.systemUTC());
            ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "thermostat");
                t.setDaemon(true);
                return t;
            });
            // tick() never throws, so the schedule is never cancelled by a fault.
            services.warmth().ifPresent(w -> control.scheduleAtFixedRate(w::tick, w.controlStep().toMillis(),
                    w.controlStep().toMillis(), TimeUnit.MILLISECONDS));
            try {
                converse(dataDir, config, services);
            } finally {
                if (page != null) {
                    page.close();
                }
                control.shutdownNow();
                services.warmth().ifPresent(w -> w.stop()); // never leave the simulated pad on
            }
        }
        return 0;
    }

    private void converse(Path dataDir, AppConfig config, Services services) throws IOException {
        CuddliesStreamHandler handler = new CuddliesStreamHandler(CuddliesSkill.build(config, services, Clock.systemUTC()));
        SkillSimulator alexa = new SkillSimulator(handler, UtteranceMatcher.forLocale(locale), config.skillId(), user,
                locale, screen);
        Uploads uploads = new Uploads(services.store(), services.userKeys(), Clock.systemUTC(),
                CuddlieMaker.Limits.defaults().maxPictureBytes());
        String patternsPrefix = "patterns/" + services.userKeys().of(user) + "/";
        PrintWriter out = spec.commandLine().getOut();
        boolean interactive = System.console() != null;
        config.webUrl().ifPresent(u -> out.println("Phone page: " + u + " (open it in a browser; say \"link my phone\" for a code)"));
        if (interactive) {
            out.println("Cuddlies, local simulator (" + locale + "). Storage: " + dataDir.toAbsolutePath());
            out.println("Type what you'd say, e.g. \"open cuddly maker\" or \"make a cuddly toy from my picture\".");
            out.println("\"upload PICTURE\" puts a picture in place; \"quit\" leaves.");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit")) {
                break;
            }
            Path picture = uploadPath(line);
            if (picture != null) {
                upload(out, uploads, picture, user);
                continue;
            }
            Set<String> before = keys(services, patternsPrefix);
            out.println("You: " + line);
            SkillSimulator.Reply reply = alexa.say(line);
            out.println("Alexa: " + (reply.speech().isEmpty() ? "(says nothing)" : reply.speech()));
            if (reply.cardTitle() != null) {
                out.println("Card: " + reply.cardTitle() + " | " + reply.cardText().replace("\n", " | "));
            }
            keys(services, patternsPrefix).stream().filter(k -> !before.contains(k)).sorted()
                    .forEach(k -> out.println("File: " + dataDir.resolve(k)));
        }
        alexa.endSession();
    }

    /** "upload some/picture.png", or a picture's path on its own. */
    private static Path uploadPath(String line) {
        String candidate = line.toLowerCase(Locale.ROOT).startsWith("upload ") ? line.substring(7).trim() : line;
        candidate = candidate.replaceAll("^['\"]|['\"]$", "");
        if (line.toLowerCase(Locale.ROOT).startsWith("upload ") || (candidate.contains("/") || candidate.contains("."))
                && Files.isRegularFile(Path.of(candidate))) {
            return Path.of(candidate);
        }
        return null;
    }

    private static void upload(PrintWriter out, Uploads uploads, Path picture, String user) {
        try {
            byte[] bytes = Inputs.readPicture(picture);
            String key = uploads.put(user, picture.getFileName().toString(), bytes);
            out.println("(uploaded " + picture.getFileName() + " as " + key + ")");
        } catch (CuddliesCli.UserError | IllegalArgumentException | StorageException e) {
            out.println("(not uploaded: " + e.getMessage() + ")");
        }
    }

    private static Set<String> keys(Services services, String prefix) {
        try {
            List<StoredObject> objects = services.store().list(prefix, Duration.ofSeconds(5));
            Set<String> keys = new HashSet<>();
            objects.forEach(o -> keys.add(o.key()));
            return keys;
        } catch (StorageException e) {
            return Set.of();
        }
    }
}
