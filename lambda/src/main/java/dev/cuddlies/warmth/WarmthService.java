package dev.cuddlies.warmth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.SwitchDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The shared warmth core: every request goes through the {@link SafetyPolicy}, every failure path
 * ends in the safest state reachable (heater off), and a control {@link #tick()} runs the
 * {@link Thermostat} for devices that report a temperature.
 */
public final class WarmthService {

    private static final Logger LOG = LoggerFactory.getLogger(WarmthService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_KEY = "warmth/session.json";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);

    private final SwitchDriver driver;
    private final SafetyPolicy policy;
    private final Thermostat thermostat;
    private final BlobStore store;
    private final Clock clock;

    public WarmthService(SwitchDriver driver, SafetyPolicy policy, BlobStore store, Clock clock) {
        this.driver = driver;
        this.policy = policy;
        this.thermostat = new Thermostat(policy.limits());
        this.store = store;
        this.clock = clock;
    }

    public SwitchDriver driver() {
        return driver;
    }

    public WarmthOutcome warmUp(WarmRequest request) {
        WarmPlan plan = policy.plan(request);
        Optional<Reading> reading;
        try {
            reading = driver.capabilities().reportsTemperature() ? driver.read() : Optional.empty();
        } catch (DeviceException e) {
            return leaveOff(e);
        }
        if (reading.isPresent() && reading.get().celsius() >= policy.limits().ceilingC()) {
            safeOff();
            clear();
            return new WarmthOutcome.TooHot(reading.get());
        }
        Instant until = clock.instant().plus(plan.duration());
        boolean heatNow = reading.map(r -> r.celsius() < plan.targetC()).orElse(true);
        try {
            if (heatNow) {
                driver.heatOn(plan.duration(), plan.targetC());
            } else {
                driver.heatOff(); // already warm enough: the thermostat switches on when it cools
            }
        } catch (DeviceException e) {
            return leaveOff(e);
        }
        save(new WarmthSession(plan.targetC(), until, heatNow));
        return new WarmthOutcome.Warming(plan, reading, driver.capabilities().deviceBackstop(), driver.name());
    }

    public WarmthOutcome stop() {
        Optional<WarmthSession> session = load();
        clear();
        try {
            driver.heatOff();
            return new WarmthOutcome.Stopped();
        } catch (DeviceException e) {
            LOG.warn("switching off failed: {}", e.getMessage());
            Optional<Duration> backstop = driver.capabilities().deviceBackstop()
                    ? session.map(s -> Duration.between(clock.instant(), s.until())).filter(d -> !d.isNegative())
                    : Optional.empty();
            return new WarmthOutcome.StopFailed(e.kind(), backstop);
        }
    }

    public WarmthOutcome status() {
        Optional<Reading> reading;
        try {
            reading = driver.capabilities().reportsTemperature() ? driver.read() : Optional.empty();
        } catch (DeviceException e) {
            reading = Optional.empty();
        }
        Optional<WarmthSession> session = load();
        Instant now = clock.instant();
        if (session.isEmpty() || !now.isBefore(session.get().until())) {
            return new WarmthOutcome.Off(reading);
        }
        WarmthSession s = session.get();
        return new WarmthOutcome.On(s.targetC(), Duration.between(now, s.until()), reading, s.heating());
    }

    /**
     * One control step: the thermostat decides from the latest reading and the heater follows. Run
     * every minute or so while a session is open (a schedule in Lambda, a timer locally). A read that
     * fails counts as no reading, which switches the heater off.
     */
    public Thermostat.Decision tick() {
        Optional<WarmthSession> session = load();
        if (session.isEmpty()) {
            return Thermostat.Decision.OFF_TIME_UP;
        }
        WarmthSession s = session.get();
        Instant now = clock.instant();
        Thermostat.Decision decision;
        if (!driver.capabilities().reportsTemperature()) {
            // Without a sensor only time decides; the device timer is the backstop.
            decision = now.isBefore(s.until()) ? Thermostat.Decision.HEAT : Thermostat.Decision.OFF_TIME_UP;
        } else {
            Optional<Reading> reading;
            try {
                reading = driver.read();
            } catch (DeviceException e) {
                reading = Optional.empty();
            }
            decision = thermostat.decide(now, s.targetC(), s.until(), s.heating(), reading);
        }
        try {
            if (Thermostat.heats(decision)) {
                // Re-arming keeps the device backstop within the remaining time at every step.
                driver.heatOn(Duration.between(now, s.until()), s.targetC());
            } else {
                driver.heatOff();
            }
        } catch (DeviceException e) {
            LOG.warn("control step could not reach the switch: {}", e.getMessage());
            if (Thermostat.heats(decision)) {
                safeOff();
            }
        }
        if (decision == Thermostat.Decision.OFF_TIME_UP || decision == Thermostat.Decision.OFF_TOO_HOT) {
            clear();
        } else {
            save(s.withHeating(Thermostat.heats(decision)));
        }
        return decision;
    }

    private WarmthOutcome leaveOff(DeviceException e) {
        LOG.warn("warm-up failed: {}", e.getMessage());
        safeOff();
        clear();
        return new WarmthOutcome.DeviceProblem(e.kind(), driver.name());
    }

    private void safeOff() {
        try {
            driver.heatOff();
        } catch (DeviceException ignored) {
            // Nothing more can be done from here; the device backstop (where armed) still applies.
        }
    }

    private Optional<WarmthSession> load() {
        try {
            JsonNode n = JSON.readTree(store.get(SESSION_KEY, 4096, STORE_TIMEOUT));
            return Optional.of(new WarmthSession(n.path("targetC").asDouble(), Instant.parse(n.path("until").asText()),
                    n.path("heating").asBoolean()));
        } catch (StorageException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void save(WarmthSession s) {
        ObjectNode n = JSON.createObjectNode().put("targetC", s.targetC()).put("until", s.until().toString())
                .put("heating", s.heating());
        try {
            store.put(SESSION_KEY, n.toString().getBytes(StandardCharsets.UTF_8), "application/json", STORE_TIMEOUT);
        } catch (StorageException e) {
            LOG.warn("warmth session not saved: {}", e.kind());
        }
    }

    private void clear() {
        try {
            store.delete(SESSION_KEY, STORE_TIMEOUT);
        } catch (StorageException e) {
            LOG.warn("warmth session not cleared: {}", e.kind());
        }
    }
}
