package dev.cuddlies.skill;

import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.WarmPlan;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthOutcome.OffCheck;
import dev.cuddlies.warmth.switches.DeviceException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What the skill says about warmth: what actually happens, and why when a request was limited, in at
 * most two sentences and the locale's units (en-US hears °F). It says "off" or "not heating" only for
 * outcomes where the device confirmed it; otherwise it says it could not switch the heater off and
 * asks for it to be unplugged.
 */
public final class WarmthMessages {

    public static final String NO_HEATER = "No heater switch is set up for Cuddlies yet, so I can't warm your toy. "
            + "The Cuddlies setup guide explains how to connect a Sonoff switch.";
    /** How to end warming early; said with every start, since Stop only ends the conversation. */
    /** The device-side backstop, said with every start: the heater needs no further word from us to stop. */
    static final String OFF_BY_ITSELF = "It turns itself off then, even without me; ";
    static final String HOW_TO_STOP = "to stop sooner, ask me to stop warming";

    private WarmthMessages() {
    }

    /**
     * When things are said: now, and the device's time zone if Alexa gave it (times are then said as
     * clock times, otherwise as minutes from now).
     */
    public record When(Instant now, Optional<ZoneId> zone, Locale locale) {
        boolean fahrenheit() {
            return LocaleSpeech.fahrenheit(locale);
        }

        String toy() {
            return LocaleSpeech.toy(locale);
        }

        /** "at 8:40 PM" / "at 20:40", or "in 25 minutes". */
        String at(Instant t) {
            return zone.map(z -> "at " + clock(t, z)).orElse("in " + minutes(Duration.between(now, t)));
        }

        /** "until 8:40 PM" / "until 20:40", or "for another 25 minutes". */
        String until(Instant t) {
            return zone.map(z -> "until " + clock(t, z)).orElse("for another " + minutes(Duration.between(now, t)));
        }

        private String clock(Instant t, ZoneId z) {
            return DateTimeFormatter.ofPattern(Locale.US.equals(locale) ? "h:mm a" : "HH:mm", Locale.ROOT)
                    .format(t.atZone(z));
        }
    }

    public static String say(WarmthOutcome outcome, When when) {
        boolean f = when.fahrenheit();
        String toy = when.toy();
        if (outcome instanceof WarmthOutcome.Warming w) {
            return warming(w, when);
        }
        if (outcome instanceof WarmthOutcome.WarmingTimed t) {
            return "I can't read its temperature, so I'll warm it in bursts " + period(t.plan(), t.until(), when)
                    + "; please feel it first. " + OFF_BY_ITSELF + HOW_TO_STOP + ".";
        }
        if (outcome instanceof WarmthOutcome.UnclearDegrees u) {
            SafetyLimits l = u.limits();
            return f ? String.format(Locale.ROOT, "Sorry, was that Celsius or Fahrenheit? I haven't switched anything; "
                    + "say, for example: warm it to %.0f degrees.", fahrenheit(l.defaultSetpointC()))
                    : String.format(Locale.ROOT, "Sorry, I didn't catch the temperature. I haven't switched anything; "
                    + "say, for example: warm it to %.0f degrees.", l.defaultSetpointC());
        }
        if (outcome instanceof WarmthOutcome.CannotHeatSafely c) {
            return "Your heater is connected through " + c.device() + ", which can't confirm a timer that switches it "
                    + "off by itself, so I won't warm with it. The Cuddlies setup guide explains safer ways to connect it.";
        }
        if (outcome instanceof WarmthOutcome.TooHot h) {
            return "Your " + toy + " is already " + degrees(h.reading().celsius(), f) + ", too warm to heat, so please "
                    + "check on it. " + afterOff(h.off(), when);
        }
        if (outcome instanceof WarmthOutcome.NoReading n) {
            return "I can't get a sensible temperature from the heater, so I won't warm it. "
                    + afterOff(n.off(), when);
        }
        if (outcome instanceof WarmthOutcome.DeviceProblem p) {
            return deviceProblem(p.kind()) + " " + afterOff(p.off(), when);
        }
        if (outcome instanceof WarmthOutcome.NotStarted n) {
            // "Ask again" would contradict the "unplug it now" that follows when the heater may be on.
            boolean unplug = n.off().map(o -> o.heater() == WarmthOutcome.Heater.MAY_BE_ON).orElse(false);
            String askAgain = unplug ? "." : "; please ask again in a minute.";
            String why = (n.conflict() ? "Someone else just changed the heater, so I didn't start warming"
                    : "I couldn't keep track of the warming, so I didn't start") + askAgain;
            return why + n.off().map(o -> " " + afterOff(o, when)).orElse("");
        }
        if (outcome instanceof WarmthOutcome.Stopped s) {
            return s.recorded() ? "Okay, the heater is off."
                    : "The heater is off, but I couldn't save that, so it might come back on; please unplug it to be sure.";
        }
        if (outcome instanceof WarmthOutcome.StopFailed failed) {
            String cause = failed.kind() == DeviceException.Kind.SIGNED_OUT
                    ? ", and its eWeLink account needs connecting again in the setup" : "";
            return "Please unplug the heater now: I couldn't switch it off" + cause + "." + keepTrying(failed.selfOffBy(), when);
        }
        if (outcome instanceof WarmthOutcome.On on) {
            String s = "Your " + toy + " is " + (on.heatingNow() ? "warming" : "being kept") + " at up to "
                    + degrees(on.targetC(), f);
            s += on.reading().map(r -> "; it's " + degrees(r.celsius(), f) + " now.").orElse("; I can't read its temperature just now.");
            return s + " It switches off " + when.at(on.until()) + ".";
        }
        if (outcome instanceof WarmthOutcome.OnTimed t) {
            return "I can't read its temperature; it's warming gently, in bursts, and switches off " + when.at(t.until()) + ".";
        }
        if (outcome instanceof WarmthOutcome.Off off) {
            return "The heater is off" + off.reading().map(r -> " and your " + toy + " is " + degrees(r.celsius(), f))
                    .orElse("") + ".";
        }
        if (outcome instanceof WarmthOutcome.OffPending p) {
            return "I haven't been able to switch the heater off yet, so please unplug it now." + keepTrying(p.selfOffBy(), when);
        }
        if (outcome instanceof WarmthOutcome.OnWithoutSession o) {
            return "Your " + toy + "'s heater is on, but not by me, so it has no timer from me"
                    + o.reading().map(r -> "; it's " + degrees(r.celsius(), f)).orElse("")
                    + ". To switch it off, say: Alexa, tell cuddly maker to stop warming.";
        }
        WarmthOutcome.Unknown u = (WarmthOutcome.Unknown) outcome;
        return "I couldn't check the heater just now. " + deviceProblem(u.kind());
    }

    /** Stop or cancel while warming: goodbye, but the heater keeps going until it ends by itself. */
    public static String goodbyeWhileWarming(Instant until, When when) {
        return "Goodbye. Your " + when.toy() + " is still warming " + when.until(until)
                + "; to stop it, say: Alexa, tell cuddly maker to stop warming.";
    }

    /**
     * "How long until it's warm": from the estimate made of the readings, or that it can't tell.
     *
     * @param estimate time until the target is reached; zero when it is warm already; empty when unknown
     */
    public static String timeToWarm(WarmthOutcome status, Optional<Duration> estimate, When when) {
        boolean f = when.fahrenheit();
        if (!(status instanceof WarmthOutcome.On on)) {
            return say(status, when) + (status instanceof WarmthOutcome.Off ? " Say warm it up to start." : "");
        }
        if (on.reading().isEmpty()) {
            return "I can't read its temperature, so I can't tell. It switches off " + when.at(on.until()) + ".";
        }
        String now = degrees(on.reading().get().celsius(), f);
        if (estimate.isEmpty()) {
            return "I can't tell yet: it's " + now + ", warming to " + degrees(on.targetC(), f) + ". Ask me again in a minute.";
        }
        if (estimate.get().isZero()) {
            return "It's warm now, at " + now + ". It switches off " + when.at(on.until()) + ".";
        }
        return "About " + minutes(estimate.get()) + ": it's " + now + ", warming to " + degrees(on.targetC(), f) + ".";
    }

    /** Two sentences: what is happening (and why, if limited), then that it switches itself off and how to stop. */
    private static String warming(WarmthOutcome.Warming w, When when) {
        boolean f = when.fahrenheit();
        WarmPlan plan = w.plan();
        StringBuilder s = new StringBuilder();
        if (plan.limits().isEmpty()) {
            s.append("Warming your ").append(when.toy()).append(" to ").append(degrees(plan.targetC(), f)).append(' ')
                    .append(period(plan, w.until(), when));
            w.reading().ifPresent(r -> s.append("; it's ").append(degrees(r.celsius(), f))
                    .append(w.heatingNow() ? " now" : " now, warm enough until it cools"));
        } else {
            s.append(why(plan)).append(", so I'm warming it to ").append(degrees(plan.targetC(), f)).append(' ')
                    .append(period(plan, w.until(), when));
        }
        return s.append(". ").append(OFF_BY_ITSELF).append(HOW_TO_STOP).append('.').toString();
    }

    /** "Too warm for a child's toy and too long": why the plan is not what was asked. */
    private static String why(WarmPlan plan) {
        String temperature = plan.limits().contains(WarmPlan.Limit.TOO_HOT) ? "too warm for a child's toy"
                : plan.limits().contains(WarmPlan.Limit.TOO_COOL) ? "too cool for the heater" : null;
        String time = plan.limits().contains(WarmPlan.Limit.TOO_LONG) ? "too long"
                : plan.limits().contains(WarmPlan.Limit.TOO_SHORT) ? "too short" : null;
        if (temperature == null) {
            return "That's " + time + " a time to warm it";
        }
        return (time == null ? "That's " + temperature : "Too " + temperature.substring(4) + " and " + time);
    }

    /** "until 8:40 PM" when the clock time is known, else "for 30 minutes". */
    private static String period(WarmPlan plan, Instant until, When when) {
        return when.zone().isPresent() ? when.until(until) : "for " + minutes(plan.duration());
    }

    /** One sentence on the heater after switching it off failed or worked. */
    private static String afterOff(OffCheck off, When when) {
        if (off.mayComeBack() && off.heater() != WarmthOutcome.Heater.MAY_BE_ON) {
            return "It is off for now but might come back on, so please unplug it to be sure.";
        }
        return switch (off.heater()) {
            case CONFIRMED_OFF -> "It is not heating.";
            case NOT_TURNED_ON -> "I haven't switched it on.";
            case MAY_BE_ON -> "Please unplug the heater now: I couldn't switch it off" + timerClause(off.selfOffBy(), when) + ".";
        };
    }

    /** A second sentence: "I'll keep trying; its own timer stops it at 8:40 PM." */
    private static String keepTrying(Optional<Instant> selfOffBy, When when) {
        return " I'll keep trying" + selfOffBy.filter(t -> t.isAfter(when.now()))
                .map(t -> "; its own timer stops it " + when.at(t)).orElse("") + ".";
    }

    /**
     * ", but its own timer stops it at 8:40 PM": the backstop, inside the sentence that asked to unplug it. Retrying
     * is not promised here, to keep the answer short; the tick retries whether it is said or not.
     */
    private static String timerClause(Optional<Instant> selfOffBy, When when) {
        return selfOffBy.filter(t -> t.isAfter(when.now()))
                .map(t -> ", but its own timer stops it " + when.at(t)).orElse("");
    }

    private static String deviceProblem(DeviceException.Kind kind) {
        return switch (kind) {
            case OFFLINE -> "I couldn't reach your toy's heater; it seems to be offline.";
            case SIGNED_OUT -> "The heater's eWeLink account needs connecting again in the Cuddlies setup.";
            case REFUSED -> "The heater refused the command; the setup guide explains how to check it.";
            case TIMEOUT, FAILED, UNCONFIRMED -> "The heater didn't answer properly.";
        };
    }

    private static double fahrenheit(double c) {
        return c * 9 / 5 + 32;
    }

    /** In °F where the locale speaks it (en-US), else °C; the scale is not named: the locale implies it. */
    static String degrees(double c, boolean fahrenheit) {
        double d = fahrenheit ? fahrenheit(c) : c;
        String number = fahrenheit || Math.abs(d - Math.rint(d)) < 0.05 ? String.format(Locale.ROOT, "%.0f", d)
                : String.format(Locale.ROOT, "%.1f", d);
        return number + " degrees";
    }

    static String minutes(Duration d) {
        long m = Math.max(1, Math.round(d.toSeconds() / 60.0));
        if (m % 60 == 0) {
            return m == 60 ? "an hour" : (m / 60) + " hours";
        }
        return m == 1 ? "a minute" : m + " minutes";
    }

    /** Safety limits as a sentence, for help. */
    public static String limits(SafetyLimits l) {
        return String.format(Locale.ROOT, "I warm it to between %.0f and %.0f degrees, for up to %s.",
                l.minSetpointC(), l.maxSetpointC(), minutes(l.maxDuration()));
    }
}
