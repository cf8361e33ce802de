package dev.cuddlies.warmth;

import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.warmth.WarmthOutcome.Heater;
import dev.cuddlies.warmth.WarmthOutcome.OffCheck;
import dev.cuddlies.warmth.WarmthSession.Active;
import dev.cuddlies.warmth.WarmthSession.Idle;
import dev.cuddlies.warmth.WarmthSession.MustBeOff;
import dev.cuddlies.warmth.WarmthSession.Why;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.SwitchDriver;
import dev.cuddlies.warmth.switches.SwitchReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The shared warmth core: warm-up, stop and status for the skill, and the control {@link #tick()}
 * that a schedule runs. It keeps the invariants stated in {@link SafetyPolicy}: every request goes
 * through the policy, the session is saved before the relay may close, every write is conditional,
 * every failure path ends with the heater off (or a persistent "must be off" retried each step), and
 * an outcome says "off" only when the device confirmed it.
 *
 * <p>Nothing a driver or the store throws escapes: unexpected exceptions count as failures and end
 * with the heater switched off.
 */
public final class WarmthService {

    private static final Logger LOG = LoggerFactory.getLogger(WarmthService.class);
    /** A stop that keeps losing the conditional write to other writers (or meets a store blip) tries this often. */
    private static final int END_ATTEMPTS = 5;

    private final SwitchDriver driver;
    private final SafetyPolicy policy;
    private final Thermostat thermostat;
    private final SessionStore sessions;
    private final Clock clock;
    private final Duration controlStep;
    private final FaultLog faults = new FaultLog(LOG);

    /**
     * @param controlStep how often {@link #tick()} runs (the schedule's rate): each switch-on arms the
     *                    device's own timer for about this long
     */
    public WarmthService(SwitchDriver driver, SafetyPolicy policy, BlobStore store, Clock clock, Duration controlStep) {
        this.driver = driver;
        this.policy = policy;
        this.thermostat = new Thermostat(policy);
        this.sessions = new SessionStore(store, clock);
        this.clock = clock;
        this.controlStep = controlStep;
    }

    public SwitchDriver driver() {
        return driver;
    }

    public Duration controlStep() {
        return controlStep;
    }

    // ------------------------------------------------------------------------------ warm-up

    public WarmthOutcome warmUp(WarmRequest request) {
        try {
            return startWarming(request);
        } catch (RuntimeException | Error e) {
            faults.report("warm-up/unexpected", e);
            return new WarmthOutcome.NotStarted(false, Optional.of(offUntracked()));
        }
    }

    private WarmthOutcome startWarming(WarmRequest request) {
        Optional<WarmPlan> planned = policy.plan(request);
        if (planned.isEmpty()) {
            return new WarmthOutcome.UnclearDegrees(policy.limits());
        }
        WarmPlan plan = planned.get();
        if (!driver.capabilities().armsBackstop()) {
            return new WarmthOutcome.CannotHeatSafely(driver.name());
        }
        SessionStore.Loaded current;
        try {
            current = sessions.load();
        } catch (StorageException e) {
            faults.report("warm-up/load " + e.kind(), e);
            return new WarmthOutcome.NotStarted(false, Optional.of(offUntracked()));
        }
        SwitchReport report;
        try {
            report = read();
        } catch (DeviceException e) {
            return new WarmthOutcome.DeviceProblem(e.kind(), driver.name(), end(current, Why.FAULT));
        }
        Instant now = clock.instant();
        WarmthSession.Mode mode = report.probe() instanceof Probe.NoSensor ? WarmthSession.Mode.TIMED
                : WarmthSession.Mode.THERMOSTAT;
        Optional<Reading> reading = Optional.empty();
        if (mode == WarmthSession.Mode.THERMOSTAT) {
            if (policy.judge(report.probe(), now, Optional.empty()) != SafetyPolicy.Judgement.USABLE) {
                return new WarmthOutcome.NoReading(end(current, Why.FAULT));
            }
            reading = Optional.of(((Probe.Measured) report.probe()).reading());
            if (reading.get().celsius() >= policy.limits().ceilingC()) {
                return new WarmthOutcome.TooHot(reading.get(), end(current, Why.TOO_HOT));
            }
        }
        Active fresh = new Active(current.session().version() + 1, mode, plan.targetC(), now.plus(plan.duration()),
                false, Optional.empty(), Optional.empty());
        Thermostat.Step step = thermostat.decide(now, fresh, report.probe(), controlStep);
        Active next = new Active(fresh.version(), mode, plan.targetC(), fresh.until(), step.heats(), step.usable(),
                step.heats() ? Optional.of(now.plus(step.pulse())) : Optional.empty());
        SessionStore.Loaded saved;
        try {
            saved = sessions.write(next, current); // (e) saved before anything can switch on
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.CONFLICT) {
                return new WarmthOutcome.NotStarted(true, Optional.empty()); // (f) lost: nothing switched
            }
            faults.report("warm-up/save " + e.kind(), e);
            // The write may have gone through with only its answer lost: end whatever is there now.
            return new WarmthOutcome.NotStarted(false, Optional.of(end(current, Why.FAULT, true)));
        }
        try {
            if (step.heats()) {
                on(step.pulse());
            } else {
                off(); // warm enough already: the thermostat switches on when it cools
            }
        } catch (DeviceException e) {
            return new WarmthOutcome.DeviceProblem(e.kind(), driver.name(), end(saved, Why.FAULT));
        }
        if (step.heats()) {
            switch (recheck(saved)) {
                case CHANGED -> {
                    // A stop (or another warm-up) landed while this one was switching on: it wins, and
                    // its answer is the one that says where the heater stands.
                    switchOff(Heater.MAY_BE_ON);
                    return new WarmthOutcome.NotStarted(true, Optional.empty());
                }
                case UNKNOWN -> {
                    // The session may not be readable by the control step either: do not leave it running.
                    return new WarmthOutcome.NotStarted(false, Optional.of(end(saved, Why.FAULT)));
                }
                case CURRENT -> {
                    // warming
                }
            }
        }
        return mode == WarmthSession.Mode.TIMED ? new WarmthOutcome.WarmingTimed(plan, next.until())
                : new WarmthOutcome.Warming(plan, reading, next.until(), step.heats());
    }

    // ------------------------------------------------------------------------------ stop

    /**
     * Switches off and ends any session; says "stopped" only when the device confirmed it. Stop always
     * wins: if a warm-up wrote its session while this stop was switching off, the stop marks that one
     * "must be off" too and switches off again, until its own mark is the last word.
     */
    public WarmthOutcome stop() {
        try {
            SessionStore.Loaded current;
            try {
                current = sessions.load();
            } catch (StorageException e) {
                faults.report("stop/load " + e.kind(), e);
                return offWithoutRecord();
            }
            Ending ending = finish(current, Why.STOPPED);
            return ending.failure().isPresent()
                    ? new WarmthOutcome.StopFailed(ending.failure().get(), current.session().backstopEnd())
                    : new WarmthOutcome.Stopped(ending.recorded());
        } catch (RuntimeException | Error e) {
            faults.report("stop/unexpected", e);
            return offWithoutRecord();
        }
    }

    private WarmthOutcome offWithoutRecord() {
        try {
            off();
            return new WarmthOutcome.Stopped(false);
        } catch (DeviceException e) {
            return new WarmthOutcome.StopFailed(e.kind(), Optional.empty());
        }
    }

    // ------------------------------------------------------------------------------ status

    /** What the device and the session say now; "off" only when the device reports its relay open. */
    public WarmthOutcome status() {
        try {
            return currentStatus();
        } catch (RuntimeException | Error e) {
            faults.report("status/unexpected", e);
            return new WarmthOutcome.Unknown(DeviceException.Kind.FAILED);
        }
    }

    /** The session's end, when one is warming now (cheap: no device call). */
    public Optional<Instant> warmingUntil() {
        try {
            WarmthSession s = sessions.load().session();
            if (s instanceof Active a && clock.instant().isBefore(a.until())) {
                return Optional.of(a.until());
            }
        } catch (StorageException | RuntimeException e) {
            faults.report("warming-until/load", e);
        }
        return Optional.empty();
    }

    private WarmthOutcome currentStatus() {
        Optional<WarmthSession> session;
        try {
            session = Optional.of(sessions.load().session());
        } catch (StorageException e) {
            faults.report("status/load " + e.kind(), e);
            session = Optional.empty();
        }
        SwitchReport report = null;
        DeviceException problem = null;
        try {
            report = read();
        } catch (DeviceException e) {
            problem = e;
        }
        Instant now = clock.instant();
        SwitchReport.Relay relay = report == null ? SwitchReport.Relay.UNKNOWN : report.relay();
        Optional<Reading> lastReading = session.filter(Active.class::isInstance).map(Active.class::cast)
                .flatMap(Active::lastReading);
        Optional<Reading> reading = report != null
                && policy.judge(report.probe(), now, lastReading) == SafetyPolicy.Judgement.USABLE
                ? Optional.of(((Probe.Measured) report.probe()).reading()) : Optional.empty();
        if (session.isPresent() && session.get() instanceof Active a && now.isBefore(a.until())) {
            if (a.mode() == WarmthSession.Mode.TIMED) {
                return new WarmthOutcome.OnTimed(a.until());
            }
            boolean heatingNow = relay == SwitchReport.Relay.UNKNOWN ? a.heating() : relay == SwitchReport.Relay.ON;
            return new WarmthOutcome.On(a.targetC(), a.until(), reading, heatingNow);
        }
        if (relay == SwitchReport.Relay.OFF) {
            return new WarmthOutcome.Off(reading);
        }
        boolean mustBeOff = session.isPresent() && !(session.get() instanceof Idle);
        if (mustBeOff) {
            return new WarmthOutcome.OffPending(session.get().backstopEnd());
        }
        if (relay == SwitchReport.Relay.ON) {
            return new WarmthOutcome.OnWithoutSession(reading);
        }
        return new WarmthOutcome.Unknown(problem == null ? DeviceException.Kind.UNCONFIRMED : problem.kind());
    }

    // ------------------------------------------------------------------------------ control step

    /**
     * One control step, run every {@link #controlStep()} by a schedule: the thermostat decides from the
     * latest reading and the heater follows; a "must be off" session is switched off again. It never
     * throws: whatever fails is logged once per kind and ends with the heater switched off, so the
     * schedule keeps running.
     */
    public ControlStep tick() {
        try {
            return step();
        } catch (RuntimeException | Error e) {
            faults.report("step/unexpected " + e.getClass().getSimpleName(), e);
            switchOff(Heater.MAY_BE_ON);
            return ControlStep.UNEXPECTED_FAULT;
        }
    }

    private ControlStep step() {
        SessionStore.Loaded current;
        try {
            current = sessions.load();
        } catch (StorageException e) {
            faults.report("step/load " + e.kind(), e);
            switchOff(Heater.MAY_BE_ON);
            return ControlStep.STORE_UNAVAILABLE;
        }
        Instant now = clock.instant();
        WarmthSession session = current.session();
        if (session instanceof Idle) {
            return ControlStep.NO_SESSION;
        }
        if (session instanceof MustBeOff m) {
            return confirmOff(current, m, now);
        }
        Active a = (Active) session;
        if (!now.isBefore(a.until())) {
            return end(current, Why.ENDED).confirmed() ? ControlStep.ENDED : ControlStep.OFF_NOT_CONFIRMED;
        }
        Probe probe = new Probe.NoSensor();
        if (a.mode() == WarmthSession.Mode.THERMOSTAT) {
            try {
                probe = read().probe();
            } catch (DeviceException e) {
                faults.report("step/read " + e.kind(), e);
                probe = new Probe.Unreadable("no answer: " + e.kind());
            }
        }
        Thermostat.Step step = thermostat.decide(now, a, probe, controlStep);
        if (step.decision() == Thermostat.Decision.OFF_TOO_HOT) {
            end(current, Why.TOO_HOT);
            return ControlStep.ENDED_TOO_HOT;
        }
        Active next = a.next(step.heats(), step.usable(),
                step.heats() ? Optional.of(now.plus(step.pulse())) : Optional.empty());
        SessionStore.Loaded saved;
        try {
            saved = sessions.write(next, current);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.CONFLICT) {
                return ControlStep.LOST_RACE; // (f) someone else wrote first: switch nothing
            }
            faults.report("step/save " + e.kind(), e);
            switchOff(Heater.MAY_BE_ON);
            return ControlStep.STORE_UNAVAILABLE;
        }
        if (step.heats()) {
            try {
                on(step.pulse());
            } catch (DeviceException e) {
                faults.report("step/on " + e.kind(), e);
                switchOff(Heater.MAY_BE_ON);
                return ControlStep.DEVICE_FAILED;
            }
            Recheck after = recheck(saved);
            if (after != Recheck.CURRENT) {
                switchOff(Heater.MAY_BE_ON); // a stop landed while switching on (it wins), or nobody can tell
                return after == Recheck.CHANGED ? ControlStep.LOST_RACE : ControlStep.STORE_UNAVAILABLE;
            }
        } else {
            try {
                off();
            } catch (DeviceException e) {
                faults.report("step/off " + e.kind(), e);
                return ControlStep.OFF_NOT_CONFIRMED; // the session still decides off at the next step
            }
        }
        return ControlStep.of(step.decision());
    }

    /**
     * A "must be off" session: switch off again; once the device confirms it a control step after the
     * session was marked (so any step that was switching on at that moment has finished), it is idle.
     */
    private ControlStep confirmOff(SessionStore.Loaded current, MustBeOff m, Instant now) {
        try {
            off();
        } catch (DeviceException e) {
            faults.report("step/off " + e.kind(), e);
            return ControlStep.OFF_NOT_CONFIRMED;
        }
        if (!now.isBefore(m.since().plus(controlStep))) {
            try {
                sessions.write(new Idle(m.version() + 1), current);
            } catch (StorageException e) {
                // A newer session was written meanwhile, or the store is away: the next step looks again.
                faults.report("step/idle " + e.kind(), e);
            }
        }
        return ControlStep.OFF_CONFIRMED;
    }

    // ------------------------------------------------------------------------------ ending

    /**
     * Ends the session after a failure: marks it "must be off" (so in-flight steps lose, and later steps
     * retry) and switches off. When this request found no session of its own, it switches off and then
     * looks again: only if there is still none may it say it did not switch the heater on.
     */
    private OffCheck end(SessionStore.Loaded basis, Why why) {
        return end(basis, why, false);
    }

    /** @param evenIfIdle end it even if the basis was idle (a session may have been written after it) */
    private OffCheck end(SessionStore.Loaded basis, Why why, boolean evenIfIdle) {
        SessionStore.Loaded target = basis;
        if (!evenIfIdle && basis.session() instanceof Idle) {
            OffCheck off = switchOff(Heater.NOT_TURNED_ON);
            try {
                target = sessions.load();
            } catch (StorageException e) {
                faults.report("end/reload " + e.kind(), e);
                return new OffCheck(off.confirmed() ? Heater.CONFIRMED_OFF : Heater.MAY_BE_ON, Optional.empty(), true);
            }
            if (target.session() instanceof Idle) {
                return off;
            }
            // Another request started warming meanwhile: this failure ends that too.
        }
        Ending ending = finish(target, why);
        return new OffCheck(ending.failure().isEmpty() ? Heater.CONFIRMED_OFF : Heater.MAY_BE_ON,
                ending.failure().isEmpty() ? Optional.empty() : target.session().backstopEnd(), !ending.recorded());
    }

    /**
     * How ending went.
     *
     * @param failure  why the device did not confirm the off, if it did not
     * @param recorded the "must be off" mark is the session now (so nothing switches it on again)
     */
    private record Ending(Optional<DeviceException.Kind> failure, boolean recorded) {
    }

    /**
     * Marks the session "must be off" and switches off, until the mark is the last word: if a warm-up
     * wrote its session while this was switching off, that one is marked and switched off too (stop
     * always wins).
     */
    private Ending finish(SessionStore.Loaded basis, Why why) {
        SessionStore.Loaded current = basis;
        for (int attempt = 0; attempt < END_ATTEMPTS; attempt++) {
            Optional<SessionStore.Loaded> marked = markMustBeOff(current, why);
            try {
                off();
            } catch (DeviceException e) {
                faults.report("off " + e.kind(), e);
                return new Ending(Optional.of(e.kind()), marked.isPresent());
            }
            if (marked.isEmpty()) {
                return new Ending(Optional.empty(), false);
            }
            switch (recheck(marked.get())) {
                case CURRENT -> {
                    return new Ending(Optional.empty(), true);
                }
                case UNKNOWN -> {
                    return new Ending(Optional.empty(), false);
                }
                case CHANGED -> {
                    try {
                        current = sessions.load();
                    } catch (StorageException e) {
                        faults.report("end/reload " + e.kind(), e);
                        return new Ending(Optional.empty(), false);
                    }
                }
            }
        }
        return new Ending(Optional.empty(), false);
    }

    /**
     * Writes "must be off" over whatever is current, retrying when other writers got in first (stop
     * always wins) or the store failed for a moment.
     */
    private Optional<SessionStore.Loaded> markMustBeOff(SessionStore.Loaded basis, Why why) {
        SessionStore.Loaded current = basis;
        for (int attempt = 0; attempt < END_ATTEMPTS; attempt++) {
            MustBeOff off = new MustBeOff(current.session().version() + 1, clock.instant(), why,
                    current.session().backstopEnd());
            try {
                return Optional.of(sessions.write(off, current));
            } catch (StorageException e) {
                faults.report("end/save " + e.kind(), e);
            }
            try {
                current = sessions.load();
            } catch (StorageException e) {
                faults.report("end/load " + e.kind(), e);
            }
        }
        return Optional.empty();
    }

    /**
     * Switches off when the session could not be read: a session nobody could see may still be running,
     * so even a confirmed off may not last.
     */
    private OffCheck offUntracked() {
        OffCheck off = switchOff(Heater.MAY_BE_ON);
        return new OffCheck(off.heater(), Optional.empty(), true);
    }

    /** Switches off; what may be said about the heater afterwards. */
    private OffCheck switchOff(Heater ifUnconfirmed) {
        try {
            off();
            return new OffCheck(Heater.CONFIRMED_OFF, Optional.empty(), false);
        } catch (DeviceException e) {
            faults.report("off " + e.kind(), e);
            return new OffCheck(ifUnconfirmed, Optional.empty(), false);
        }
    }

    /** After switching on: is the session still the one this request wrote? */
    private enum Recheck { CURRENT, CHANGED, UNKNOWN }

    private Recheck recheck(SessionStore.Loaded written) {
        try {
            return sessions.load().storeVersion().equals(written.storeVersion()) ? Recheck.CURRENT : Recheck.CHANGED;
        } catch (StorageException e) {
            faults.report("recheck/load " + e.kind(), e);
            return Recheck.UNKNOWN;
        }
    }

    // ------------------------------------------------------------------------------ the device, fenced

    private SwitchReport read() throws DeviceException {
        try {
            return driver.read();
        } catch (RuntimeException e) {
            faults.report("driver/read unexpected", e);
            throw new DeviceException(DeviceException.Kind.FAILED, "the driver failed to read", e);
        }
    }

    private void on(Duration backstop) throws DeviceException {
        try {
            driver.heatOn(backstop);
        } catch (RuntimeException e) {
            faults.report("driver/on unexpected", e);
            throw new DeviceException(DeviceException.Kind.FAILED, "the driver failed to switch on", e);
        }
    }

    private void off() throws DeviceException {
        try {
            driver.heatOff();
        } catch (RuntimeException e) {
            faults.report("driver/off unexpected", e);
            throw new DeviceException(DeviceException.Kind.FAILED, "the driver failed to switch off", e);
        }
    }
}
