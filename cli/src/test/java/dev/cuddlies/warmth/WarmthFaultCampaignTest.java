package dev.cuddlies.warmth;

import dev.cuddlies.devices.FaultPlan.RequestFault;
import dev.cuddlies.devices.FaultPlan.SensorFault;
import dev.cuddlies.devices.IotTasmotaSimulator;
import dev.cuddlies.devices.RandomFaults;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SimulatedTasmota;
import dev.cuddlies.devices.SonoffApis;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.warmth.switches.AwsIotData;
import dev.cuddlies.warmth.switches.BlobTokenStore;
import dev.cuddlies.warmth.switches.EwelinkDriver;
import dev.cuddlies.warmth.switches.EwelinkTokenStore;
import dev.cuddlies.warmth.switches.JsonHttp;
import dev.cuddlies.warmth.switches.JsonTransport;
import dev.cuddlies.warmth.switches.LanDriver;
import dev.cuddlies.warmth.switches.SwitchDriver;
import dev.cuddlies.warmth.switches.TasmotaIotDriver;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault campaign: at least 10,000 simulated warming sessions, seeded and reproducible, across the
 * LAN, eWeLink and Tasmota drivers and the simulated Sonoff, on simulated time. Every call may fail
 * (errors, no answer, dropped connections, garbage, answers lost after the device acted, refused
 * offs), readings may be garbage, NaN, "--", -127, stale or from the future, the session store fails,
 * the other function's stop, warm-up, status or control step cuts into a request at a random store
 * call, tokens expire, and in some sessions the backend dies. Most sessions call the simulators in
 * process; a share crosses the real wire (HTTP for LAN and eWeLink, the AWS SDK, HTTP and MQTT for
 * Tasmota). After every request and every control step the invariants of {@link SafetyPolicy} are
 * checked against the simulated device itself:
 * <ol>
 * <li>the toy is never above 40 °C, and while the backend is alive never above the highest target
 *     asked for plus the hysteresis (or the temperature it started at);</li>
 * <li>after an acknowledged stop the heater is on for at most one control step (and the backstop's
 *     margin), until the next warm-up;</li>
 * <li>when the backend dies the device's own timer switches it off within one control step (and the
 *     margin);</li>
 * <li>it never heats after the end of the session asked for;</li>
 * <li>no spoken answer says "off", "not heating" or "I haven't switched it on" while the device is on.</li>
 * </ol>
 * Figures go to {@code target/fault-campaign.md}; {@code -Dcampaign.seed} and {@code -Dcampaign.sessions}
 * replay or scale a run.
 */
class WarmthFaultCampaignTest {

    private static final long SEED = Long.getLong("campaign.seed", 20261125L);
    private static final int SESSIONS = Integer.getInteger("campaign.sessions", 10_000);
    /** Share of sessions that cross the real wire rather than calling the simulators in process. */
    private static final double WIRE_SHARE = Double.parseDouble(System.getProperty("campaign.wireShare", "0.015"));
    private static final Instant START = Instant.parse("2026-11-25T19:00:00Z");
    private static final double EPSILON_C = 1e-6;
    private static final double CEILING_C = SafetyLimits.HARD_CEILING_C;

    enum Driver { LAN, EWELINK, TASMOTA }

    record Plan(int index, long seed, Driver driver, boolean wire) {
    }

    // ---------------------------------------------------------------------------- the campaign

    @Test
    void tenThousandSimulatedSessionsKeepEveryInvariant() throws Exception {
        Figures figures = new Figures();
        List<Plan> inProcess = new ArrayList<>();
        List<Plan> wire = new ArrayList<>();
        SplittableRandom planner = new SplittableRandom(SEED);
        for (int i = 0; i < SESSIONS; i++) {
            Plan p = new Plan(i, planner.nextLong(), Driver.values()[i % 3], planner.nextDouble() < WIRE_SHARE);
            (p.wire() ? wire : inProcess).add(p);
        }
        long started = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.submit(() -> inProcess.parallelStream().forEach(p -> new Session(p, null, figures).run())).get();
        } finally {
            pool.shutdown();
        }
        figures.inProcessSeconds = (System.nanoTime() - started) / 1e9;
        long wireStarted = System.nanoTime();
        try (Wire shared = Wire.start()) {
            for (Plan p : wire) {
                new Session(p, shared, figures).run();
            }
        }
        figures.wireSeconds = (System.nanoTime() - wireStarted) / 1e9;
        String report = figures.report();
        Path out = Path.of("target", "fault-campaign.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertThat(figures.violations).as(report).isEmpty();
        assertThat(figures.sessions.get()).isGreaterThanOrEqualTo(SESSIONS);
        for (Driver d : Driver.values()) {
            assertThat(figures.wireSessions.get(d).get()).as("%s sessions on the real wire", d).isGreaterThanOrEqualTo(SESSIONS / 300);
        }
        assertThat(figures.answers.get()).isGreaterThan(SESSIONS);
        assertThat(figures.races.get()).isGreaterThan(SESSIONS / 10);
        assertThat(figures.deaths.get()).isGreaterThan(SESSIONS / 10);
    }

    // ---------------------------------------------------------------------------- one session

    /** One toy, two functions (the skill's and the control step's), one seeded script. */
    private static final class Session {
        private final Plan plan;
        private final Wire wire;
        private final Figures figures;
        private final SplittableRandom random;
        private final MutableClock clock = new MutableClock(START);
        private final SafetyPolicy policy = new SafetyPolicy(SafetyLimits.defaults());
        private SimulatedSonoffTh toy;
        private Rig rig;
        private WarmthService skill;
        private WarmthService tick;
        private CampaignStore.Races races;
        private Duration step;
        private double boundC;
        private double startC;
        private double highestTargetC = Double.NEGATIVE_INFINITY;
        private boolean timed;
        private boolean dead;
        private Instant deadAt;
        /** The end of the latest session a warm-up answered it had started (heating after it is a fault). */
        private Instant heatAllowedUntil = START;
        /** The end of the latest session asked for (the script runs until a while after it). */
        private Instant plannedUntil = START;
        /** Requests in the order they were answered. */
        private long order;
        /** Answers that said it is off and stays off: a confirmed stop, or a warm-up that failed and said "not heating". */
        private final List<Event> offsAcknowledged = new ArrayList<>();
        private final List<Event> warmRequests = new ArrayList<>();
        private final List<Traced> trace = new ArrayList<>();

        /** One line of the session's trace, formatted only if a violation needs it. */
        private record Traced(long second, String what, boolean relayOn, double celsius) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%ds %s [relay %s, %.2f °C]", second, what, relayOn ? "ON" : "off", celsius);
            }
        }

        private record Event(long order, Instant at) {
        }

        Session(Plan plan, Wire wire, Figures figures) {
            this.plan = plan;
            this.wire = wire;
            this.figures = figures;
            this.random = new SplittableRandom(plan.seed());
        }

        void run() {
            try {
                setUp();
                script();
                finish();
            } catch (RuntimeException | AssertionError e) {
                violation("the session itself failed: " + e);
            }
        }

        private void setUp() {
            double roomC = 15 + 10 * random.nextDouble();
            toy = new SimulatedSonoffTh(clock, roomC);
            startC = roomC + random.nextDouble() * (36 - roomC);
            toy.setTemperatureC(startC);
            toy.takeWindowMaxC();
            boundC = startC;
            boolean sensorless = random.nextDouble() < 0.1;
            if (sensorless) {
                timed = true;
                toy.withoutSensor();
                figures.sensorless.incrementAndGet();
            }
            List<RequestFault> requestKinds = new ArrayList<>(Arrays.asList(RequestFault.values()));
            requestKinds.remove(RequestFault.NONE);
            if (wire != null) {
                requestKinds.remove(RequestFault.NO_ANSWER); // a real timeout costs real time; covered in process and by the wire tests
            }
            List<SensorFault> readingKinds = new ArrayList<>(Arrays.asList(SensorFault.values()));
            readingKinds.remove(SensorFault.NONE);
            if (plan.driver() != Driver.TASMOTA) {
                readingKinds.removeAll(List.of(SensorFault.STALE, SensorFault.FUTURE)); // nothing carries a timestamp
            }
            RandomFaults faults = new RandomFaults(random.nextLong(), random.nextDouble() * (wire == null ? 0.15 : 0.06),
                    requestKinds, random.nextDouble() * 0.15, readingKinds);
            toy.withFaults(faults);
            step = random.nextInt(3) == 0 && wire == null ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
            MemoryBlobStore bucket = new MemoryBlobStore();
            races = new CampaignStore.Races();
            double storeRate = random.nextDouble() * 0.05;
            CampaignStore skillStore = new CampaignStore(bucket, random.nextLong(), storeRate, races);
            CampaignStore tickStore = new CampaignStore(bucket, random.nextLong(), storeRate, races);
            rig = Rig.of(plan.driver(), wire, toy, clock, skillStore, tickStore, races::beforeCall,
                    random.nextDouble() < 0.3, figures);
            skill = new WarmthService(rig.skillDriver(), policy, skillStore, clock, step);
            tick = new WarmthService(rig.tickDriver(), policy, tickStore, clock, step);
            figures.stores.add(List.of(skillStore, tickStore));
            figures.faults.add(faults);
        }

        private void script() {
            rig.telemetry().run();
            warmUp();
            Instant deathAt = random.nextDouble() < 0.2
                    ? START.plusSeconds((long) (random.nextDouble() * Duration.between(START, plannedUntil).toSeconds()))
                    : null;
            while (true) {
                clock.advance(step);
                rig.telemetry().run();
                check();
                if (!dead) {
                    userMayAct();
                    if (random.nextDouble() < 0.05) {
                        armRace();
                    }
                    if (plan.driver() == Driver.EWELINK && random.nextDouble() < 0.02) {
                        rig.expireToken().run();
                        figures.tokenExpiries.incrementAndGet();
                    }
                    ControlStep cs = tick.tick();
                    figures.step(cs);
                    rig.settle().run();
                    trace("tick -> " + cs);
                    check();
                    if (deathAt != null && !clock.instant().isBefore(deathAt)) {
                        // Right after a step: whatever it armed runs its full course with nobody calling again.
                        dead = true;
                        deadAt = clock.instant();
                        figures.deaths.incrementAndGet();
                        trace("the backend dies");
                    }
                }
                Instant last = dead ? deadAt : plannedUntil;
                if (!clock.instant().isBefore(last.plus(step.multipliedBy(4)))) {
                    break;
                }
            }
        }

        private void userMayAct() {
            double r = random.nextDouble();
            if (r < 0.025) {
                stop();
            } else if (r < 0.075) {
                status();
            } else if (r < 0.09) {
                warmUp();
            }
        }

        /** The other function cuts in just before one of the next few store or device calls (by either function). */
        private void armRace() {
            double r = random.nextDouble();
            Runnable other = r < 0.45 ? this::stop : r < 0.65 ? this::warmUp : r < 0.8 ? this::status
                    : () -> {
                        ControlStep cs = skill.tick();
                        figures.step(cs);
                        trace("other function's tick -> " + cs);
                    };
            races.arm(random.nextInt(5), other);
        }

        private void warmUp() {
            Optional<Double> degrees = random.nextDouble() < 0.3 ? Optional.empty()
                    : Optional.of(random.nextDouble() < 0.02 ? Double.NaN : 20 + random.nextDouble() * 90);
            long longest = wire == null ? 115 : 15; // the wire costs real time: its sessions are short
            Optional<Duration> duration = random.nextDouble() < 0.2 && wire == null ? Optional.empty()
                    : Optional.of(Duration.ofMinutes(5 + (long) (Math.pow(random.nextDouble(), 3) * longest)));
            WarmRequest request = new WarmRequest(degrees, duration, random.nextBoolean());
            Instant now = clock.instant();
            policy.plan(request).ifPresent(p -> {
                Instant end = now.plus(p.duration());
                plannedUntil = end.isAfter(plannedUntil) ? end : plannedUntil;
                boundC = Math.max(boundC, p.targetC() + SafetyLimits.HYSTERESIS_C);
                highestTargetC = Math.max(highestTargetC, p.targetC());
            });
            figures.warmUps.incrementAndGet();
            WarmthOutcome o = skill.warmUp(request);
            // Ordered by when it returned: a stop that cut into it and lost to its write came first.
            warmRequests.add(new Event(++order, now));
            Optional<Instant> started = o instanceof WarmthOutcome.Warming w ? Optional.of(w.until())
                    : o instanceof WarmthOutcome.WarmingTimed t ? Optional.of(t.until()) : Optional.empty();
            // A request that fails leaves an earlier session running: the later of the two ends.
            started.filter(u -> u.isAfter(heatAllowedUntil)).ifPresent(u -> heatAllowedUntil = u);
            if (saysItEnded(o)) {
                offsAcknowledged.add(new Event(++order, now));
            }
            if (o instanceof WarmthOutcome.WarmingTimed) {
                timed = true;
            }
            spoken("warm-up " + request.degrees().map(String::valueOf).orElse("-") + " "
                    + request.duration().map(Duration::toMinutes).orElse(-1L) + " min", o);
        }

        private void stop() {
            figures.stops.incrementAndGet();
            WarmthOutcome o = skill.stop();
            if (saysItEnded(o)) {
                offsAcknowledged.add(new Event(++order, clock.instant()));
            }
            spoken("stop", o);
        }

        private void status() {
            figures.statuses.incrementAndGet();
            spoken("status", skill.status());
        }

        /** What Alexa would say now must not claim off while the device is on. */
        private void spoken(String request, WarmthOutcome o) {
            rig.settle().run();
            trace(request + " -> " + o);
            String said = WarmthMessages.say(o, new WarmthMessages.When(clock.instant(), Optional.empty(), Locale.UK));
            figures.answers.incrementAndGet();
            boolean claimsOff = said.contains("heater is off") || said.contains("not heating")
                    || said.contains("I haven't switched it on");
            if (claimsOff && toy.relayOn()) {
                violation("said \"" + said + "\" while the device was on (" + o + ")");
            }
        }

        private void check() {
            double max = toy.takeWindowMaxC();
            figures.temperature(max);
            if (max > CEILING_C + EPSILON_C) {
                violation(String.format(Locale.ROOT, "the toy reached %.2f °C", max));
            }
            if (!dead && !timed && max > boundC + EPSILON_C) {
                violation(String.format(Locale.ROOT, "the toy reached %.2f °C, above the target plus hysteresis (%.2f)",
                        max, boundC));
            }
            if (!dead && !timed && startC < highestTargetC) {
                figures.overshoot(max - (highestTargetC + SafetyLimits.HYSTERESIS_C));
            }
        }

        private void finish() {
            rig.settle().run();
            clock.advance(Duration.ofHours(1));
            check();
            Duration allowed = SafetyPolicy.backstop(step, Duration.ofDays(1));
            for (Event ack : offsAcknowledged) {
                Duration on = onBetween(ack.at(), nextWarmRequestAfter(ack));
                figures.afterStop(on);
                if (on.compareTo(allowed) > 0) {
                    violation("on for " + on + " after the off acknowledged at " + ack.at(), ack.at());
                }
            }
            if (deadAt != null) {
                Duration on = onBetween(deadAt, clock.instant());
                figures.afterDeath(on);
                if (on.compareTo(allowed) > 0) {
                    violation("on for " + on + " after the backend died at " + deadAt, deadAt);
                }
            }
            // After the end of the last session a warm-up said it started, only the tail of a request that
            // failed (switched on, then lost a race or its answer) may heat, each at most one backstop.
            long failedAfter = warmRequests.stream().filter(w -> !w.at().isBefore(heatAllowedUntil)).count();
            Duration late = onBetween(heatAllowedUntil, clock.instant());
            if (late.compareTo(allowed.multipliedBy(failedAfter + 1)) > 0) {
                violation("on for " + late + " after the session's end " + heatAllowedUntil, heatAllowedUntil);
            }
            figures.races.addAndGet(races.ran());
            figures.sessions.incrementAndGet();
            (plan.wire() ? figures.wireSessions : figures.inProcessSessions).get(plan.driver()).incrementAndGet();
            figures.simulated(Duration.between(START, clock.instant()));
        }

        /** Whether the answer tells the user the heater is off and will stay off (until they ask again). */
        private static boolean saysItEnded(WarmthOutcome o) {
            if (o instanceof WarmthOutcome.Stopped s) {
                return s.recorded();
            }
            Optional<WarmthOutcome.OffCheck> off = o instanceof WarmthOutcome.TooHot h ? Optional.of(h.off())
                    : o instanceof WarmthOutcome.NoReading n ? Optional.of(n.off())
                    : o instanceof WarmthOutcome.DeviceProblem p ? Optional.of(p.off())
                    : o instanceof WarmthOutcome.NotStarted n ? n.off() : Optional.empty();
            return off.filter(c -> c.heater() != WarmthOutcome.Heater.MAY_BE_ON && !c.mayComeBack()).isPresent();
        }

        private Instant nextWarmRequestAfter(Event stop) {
            return warmRequests.stream().filter(w -> w.order() > stop.order()).map(Event::at).findFirst()
                    .orElse(clock.instant());
        }

        private void trace(String what) {
            trace.add(new Traced(Duration.between(START, clock.instant()).toSeconds(), what, toy.relayOn(), toy.temperatureC()));
        }

        /** How long the relay was closed between two instants, from the device's own log. */
        private Duration onBetween(Instant from, Instant to) {
            Duration on = Duration.ZERO;
            Instant onSince = null;
            for (SimulatedSonoffTh.Switch s : toy.switches()) {
                if (s.on()) {
                    onSince = s.at();
                } else if (onSince != null) {
                    on = on.plus(overlap(onSince, s.at(), from, to));
                    onSince = null;
                }
            }
            if (onSince != null) {
                on = on.plus(overlap(onSince, clock.instant(), from, to));
            }
            return on;
        }

        private static Duration overlap(Instant a, Instant b, Instant from, Instant to) {
            Instant start = a.isAfter(from) ? a : from;
            Instant end = b.isBefore(to) ? b : to;
            return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
        }

        private void violation(String what) {
            violation(what, clock.instant());
        }

        /** @param around the trace shown is the one around this time */
        private void violation(String what, Instant around) {
            String v = String.format(Locale.ROOT, "session %d (seed %d, %s%s, step %ss): %s", plan.index(),
                    plan.seed(), plan.driver(), plan.wire() ? " on the wire" : "", step == null ? "?" : step.toSeconds(), what);
            figures.violations.add(v);
            if (figures.traces.size() < 4) {
                long at = Duration.between(START, around).toSeconds();
                List<String> near = trace.stream().filter(t -> t.second() >= at - 240 && t.second() <= at + 360)
                        .map(Traced::toString).toList();
                figures.traces.add(v + "\n    " + String.join("\n    ", near));
            }
        }
    }

    // ---------------------------------------------------------------------------- drivers per session

    /**
     * The two functions' drivers for one toy, how telemetry reaches the shadow (Tasmota), how to wait
     * for MQTT to settle, and how to make the cloud expire the tokens.
     */
    private record Rig(SwitchDriver skillDriver, SwitchDriver tickDriver, Runnable telemetry, Runnable settle,
                       Runnable expireToken) {

        /** @param cutIn where the other function may cut in before a device call */
        static Rig of(Driver driver, Wire wire, SimulatedSonoffTh toy, MutableClock clock, CampaignStore skillStore,
                      CampaignStore tickStore, Runnable cutIn, boolean firmware14, Figures figures) {
            Runnable nothing = () -> { };
            switch (driver) {
                case LAN, EWELINK -> {
                    SonoffApis apis;
                    Supplier<JsonTransport> transport;
                    if (wire == null) {
                        apis = new SonoffApis(toy).logging(false);
                        SonoffApis a = apis;
                        transport = () -> new InProcessTransport(a, cutIn);
                    } else {
                        wire.sonoff.use(toy);
                        apis = wire.sonoff;
                        transport = () -> new JsonHttp(Duration.ofMillis(300), Duration.ZERO);
                    }
                    if (driver == Driver.LAN) {
                        apis.firmware14(firmware14);
                        if (firmware14) {
                            figures.firmware14.incrementAndGet();
                        }
                        return new Rig(new LanDriver(wire == null ? java.net.URI.create("http://sonoff.local:8081")
                                : wire.sonoff.endpoint(), SonoffApis.DEVICE_ID, clock, transport.get()),
                                new LanDriver(wire == null ? java.net.URI.create("http://sonoff.local:8081")
                                        : wire.sonoff.endpoint(), SonoffApis.DEVICE_ID, clock, transport.get()),
                                nothing, nothing, nothing);
                    }
                    EwelinkTokenStore.Tokens linked = new EwelinkTokenStore.Tokens(apis.accessToken(), apis.refreshToken());
                    java.net.URI api = wire == null ? java.net.URI.create("https://eu-apia.coolkit.cc") : wire.sonoff.endpoint();
                    return new Rig(
                            new EwelinkDriver(api, SonoffApis.APP_ID, SonoffApis.APP_SECRET, SonoffApis.DEVICE_ID,
                                    new BlobTokenStore(skillStore, SonoffApis.APP_SECRET, linked), clock, transport.get()),
                            new EwelinkDriver(api, SonoffApis.APP_ID, SonoffApis.APP_SECRET, SonoffApis.DEVICE_ID,
                                    new BlobTokenStore(tickStore, SonoffApis.APP_SECRET, linked), clock, transport.get()),
                            nothing, nothing, apis::expireToken);
                }
                default -> {
                    if (wire == null) {
                        InProcessIot iot = new InProcessIot(new SimulatedTasmota(toy, clock), cutIn);
                        return new Rig(tasmota(iot, clock, Duration.ZERO), tasmota(iot, clock, Duration.ZERO),
                                iot::telemetry, nothing, nothing);
                    }
                    wire.iot.tasmota().use(toy);
                    AwsIotData iot = new AwsIotData(wire.client);
                    Runnable settle = () -> {
                        try {
                            wire.iot.awaitIdle();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    };
                    Runnable telemetry = () -> {
                        try {
                            wire.iot.telemetry();
                            wire.iot.awaitIdle();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    return new Rig(tasmota(iot, clock, Duration.ofMillis(300)), tasmota(iot, clock, Duration.ofMillis(300)),
                            telemetry, settle, nothing);
                }
            }
        }

        private static TasmotaIotDriver tasmota(dev.cuddlies.warmth.switches.IotData iot, MutableClock clock, Duration confirm) {
            return new TasmotaIotDriver(iot, IotTasmotaSimulator.TOPIC, IotTasmotaSimulator.THING, clock, confirm,
                    Duration.ofMillis(2));
        }
    }

    /** The simulators on loopback, shared by the sessions that cross the wire (one at a time). */
    private static final class Wire implements AutoCloseable {
        final SonoffSimServer sonoff;
        final IotTasmotaSimulator iot;
        final IotDataPlaneClient client;

        private Wire(SonoffSimServer sonoff, IotTasmotaSimulator iot, IotDataPlaneClient client) {
            this.sonoff = sonoff;
            this.iot = iot;
            this.client = client;
        }

        static Wire start() throws Exception {
            MutableClock idle = new MutableClock(START);
            SonoffSimServer sonoff = new SonoffSimServer(new SimulatedSonoffTh(idle, 21));
            sonoff.logging(false);
            IotTasmotaSimulator iot = new IotTasmotaSimulator(new SimulatedSonoffTh(idle, 21), idle).logging(false);
            IotDataPlaneClient client = IotDataPlaneClient.builder().endpointOverride(iot.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            return new Wire(sonoff, iot, client);
        }

        @Override
        public void close() throws Exception {
            client.close();
            iot.close();
            sonoff.close();
        }
    }

    // ---------------------------------------------------------------------------- figures

    /** What the campaign did and found, gathered from every session (thread-safe). */
    private static final class Figures {
        final AtomicLong sessions = new AtomicLong();
        final Map<Driver, AtomicLong> inProcessSessions = counters();
        final Map<Driver, AtomicLong> wireSessions = counters();
        final AtomicLong sensorless = new AtomicLong();
        final AtomicLong firmware14 = new AtomicLong();
        final AtomicLong warmUps = new AtomicLong();
        final AtomicLong stops = new AtomicLong();
        final AtomicLong statuses = new AtomicLong();
        final AtomicLong answers = new AtomicLong();
        final AtomicLong races = new AtomicLong();
        final AtomicLong deaths = new AtomicLong();
        final AtomicLong tokenExpiries = new AtomicLong();
        final AtomicLong simulatedSeconds = new AtomicLong();
        final Map<ControlStep, AtomicLong> steps = new EnumMap<>(ControlStep.class);
        final ConcurrentLinkedQueue<RandomFaults> faults = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<List<CampaignStore>> stores = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> traces = new ConcurrentLinkedQueue<>();
        private double worstC = Double.NEGATIVE_INFINITY;
        private double worstOvershootC = Double.NEGATIVE_INFINITY;
        private Duration longestAfterStop = Duration.ZERO;
        private Duration longestAfterDeath = Duration.ZERO;
        double inProcessSeconds;
        double wireSeconds;

        Figures() {
            for (ControlStep s : ControlStep.values()) {
                steps.put(s, new AtomicLong());
            }
        }

        private static Map<Driver, AtomicLong> counters() {
            Map<Driver, AtomicLong> m = new EnumMap<>(Driver.class);
            for (Driver d : Driver.values()) {
                m.put(d, new AtomicLong());
            }
            return m;
        }

        void step(ControlStep s) {
            steps.get(s).incrementAndGet();
        }

        synchronized void temperature(double c) {
            worstC = Math.max(worstC, c);
        }

        synchronized void overshoot(double c) {
            worstOvershootC = Math.max(worstOvershootC, c);
        }

        synchronized void afterStop(Duration d) {
            longestAfterStop = d.compareTo(longestAfterStop) > 0 ? d : longestAfterStop;
        }

        synchronized void afterDeath(Duration d) {
            longestAfterDeath = d.compareTo(longestAfterDeath) > 0 ? d : longestAfterDeath;
        }

        void simulated(Duration d) {
            simulatedSeconds.addAndGet(d.toSeconds());
        }

        String report() {
            Map<String, Long> requestFaults = new TreeMap<>();
            Map<String, Long> readingFaults = new TreeMap<>();
            for (RandomFaults f : faults) {
                f.requestFaults().forEach((k, v) -> requestFaults.merge(k.name(), v, Long::sum));
                f.readingFaults().forEach((k, v) -> readingFaults.merge(k.name(), v, Long::sum));
            }
            long storeFaults = stores.stream().flatMap(List::stream).mapToLong(CampaignStore::failures).sum();
            long raced = races.get();
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "Fault campaign, seed %d: %d sessions (%d simulated hours) in %.0f s "
                    + "in process on two threads and %.0f s on the wire%n%n", SEED, sessions.get(),
                    simulatedSeconds.get() / 3600, inProcessSeconds, wireSeconds));
            s.append("| driver | in process | on the wire |\n|---|---:|---:|\n");
            for (Driver d : Driver.values()) {
                s.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", d, inProcessSessions.get(d).get(), wireSessions.get(d).get()));
            }
            s.append(String.format(Locale.ROOT, "%nSensorless switches: %d sessions; DIY firmware 1.4: %d sessions.%n",
                    sensorless.get(), firmware14.get()));
            s.append(String.format(Locale.ROOT, "Requests: %d warm-ups, %d stops, %d status questions; %d answers checked.%n",
                    warmUps.get(), stops.get(), statuses.get(), answers.get()));
            s.append(String.format(Locale.ROOT, "Concurrency: %d requests of the other function cut into a request; "
                    + "%d backend deaths; %d token expiries.%n%n", raced, deaths.get(), tokenExpiries.get()));
            s.append("| faults injected | count |\n|---|---:|\n");
            requestFaults.forEach((k, v) -> s.append("| request: ").append(k).append(" | ").append(v).append(" |\n"));
            readingFaults.forEach((k, v) -> s.append("| reading: ").append(k).append(" | ").append(v).append(" |\n"));
            s.append("| session store: failed or answer lost | ").append(storeFaults).append(" |\n");
            long total = requestFaults.values().stream().mapToLong(Long::longValue).sum()
                    + readingFaults.values().stream().mapToLong(Long::longValue).sum() + storeFaults;
            s.append("| **total** | ").append(total).append(" |\n\n");
            s.append("| control steps | count |\n|---|---:|\n");
            steps.forEach((k, v) -> {
                if (v.get() > 0) {
                    s.append("| ").append(k).append(" | ").append(v.get()).append(" |\n");
                }
            });
            s.append(String.format(Locale.ROOT, "%nWorst toy temperature: %.2f °C. Highest temperature relative to the "
                    + "target plus hysteresis, in sessions that started below the target, backend alive: %+.2f °C.%n",
                    worstC, worstOvershootC));
            s.append(String.format(Locale.ROOT, "Longest heating after an acknowledged off (a confirmed stop, or a failed "
                    + "warm-up that said it is not heating): %d s. Longest heating after "
                    + "the backend died: %d s.%n", longestAfterStop.toSeconds(), longestAfterDeath.toSeconds()));
            s.append(String.format(Locale.ROOT, "Violations: %d.%n", violations.size()));
            violations.stream().limit(20).forEach(v -> s.append("- ").append(v).append('\n'));
            traces.forEach(t -> s.append("\n").append(t).append('\n'));
            return s.toString();
        }
    }
}
