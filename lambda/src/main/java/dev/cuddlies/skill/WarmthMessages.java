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
 * What the skill says about warmth: what actually happens, and why when a request was limited. It
 * says "off" or "not heating" only for outcomes where the device confirmed it; otherwise it says it
 * could not switch the heater off and asks for it to be unplugged.
 */
public final class WarmthMessages {

    public static final String NO_HEATER = "No heater switch is set up for Cuddlie Maker yet, so I can't warm your "
            + "cuddlie. The Cuddlies setup guide explains how to connect a Sonoff switch.";
    static final String HOW_TO_STOP = "To stop it sooner, say: Alexa, tell Cuddlie Maker to turn it off.";
    static final String UNPLUG = "I couldn't switch the heater off. Please unplug it now.";

    private WarmthMessages() {
    }

    /**
     * When things are said: now, and the device's time zone if Alexa gave it (times are then said as
     * clock times, otherwise as minutes from now).
     */
    public record When(Instant now, Optional<ZoneId> zone, Locale locale) {
        boolean us() {
            return Locale.US.equals(locale);
        }

        /** "at 8:40 PM" / "at 20:40", or "in 25 minutes". */
        String at(Instant t) {
            return zone.map(z -> "at " + clock(t, z)).orElse("in " + minutes(Duration.between(now, t)));
        }

        /** "until 8:40 PM" / "for another 25 minutes". */
        String until(Instant t) {
            return zone.map(z -> "until " + clock(t, z)).orElse("for another " + minutes(Duration.between(now, t)));
        }

        private String clock(Instant t, ZoneId z) {
            return DateTimeFormatter.ofPattern(us() ? "h:mm a" : "HH:mm", Locale.ROOT).format(t.atZone(z));
        }
    }

    public static String say(WarmthOutcome outcome, When when) {
        boolean us = when.us();
        if (outcome instanceof WarmthOutcome.Warming w) {
            return warming(w, when);
        }
        if (outcome instanceof WarmthOutcome.WarmingTimed t) {
            return durationLimits(t.plan()) + "Your heater can't tell me your cuddlie's temperature, so I'll warm it "
                    + "gently, in bursts, for " + minutes(t.plan().duration()) + zone(when, t.until()) + ". Please feel "
                    + "it before giving it back. It switches itself off " + when.at(t.until())
                    + ", even if I can't reach it. " + HOW_TO_STOP;
        }
        if (outcome instanceof WarmthOutcome.UnclearDegrees u) {
            SafetyLimits l = u.limits();
            return us ? String.format(Locale.ROOT, "Sorry, I'm not sure whether you meant Celsius or Fahrenheit. I warm it "
                    + "to between %.0f and %.0f degrees Celsius, that's %.0f to %.0f Fahrenheit. Say, for example: warm it "
                    + "to 97 degrees. I haven't switched anything.", l.minSetpointC(), l.maxSetpointC(),
                    fahrenheit(l.minSetpointC()), fahrenheit(l.maxSetpointC()))
                    : String.format(Locale.ROOT, "Sorry, I didn't catch the temperature. I warm it to between %.0f and "
                    + "%.0f degrees. Say, for example: warm it to 36 degrees. I haven't switched anything.",
                    l.minSetpointC(), l.maxSetpointC());
        }
        if (outcome instanceof WarmthOutcome.CannotHeatSafely c) {
            return "Your heater is connected through " + c.device() + ", which can't confirm a timer that switches it off "
                    + "by itself, so I won't warm with it. The Cuddlies setup guide explains how to connect it through "
                    + "eWeLink, the Sonoff LAN mode or Tasmota instead.";
        }
        if (outcome instanceof WarmthOutcome.TooHot h) {
            return "Your cuddlie is already " + degrees(h.reading().celsius(), us) + ", too warm to heat. "
                    + afterOff(h.off(), when) + " Please check on it.";
        }
        if (outcome instanceof WarmthOutcome.NoReading n) {
            return "I can't get a sensible temperature from your cuddlie's heater, so I won't warm it. "
                    + afterOff(n.off(), when);
        }
        if (outcome instanceof WarmthOutcome.DeviceProblem p) {
            return deviceProblem(p.kind()) + " " + afterOff(p.off(), when);
        }
        if (outcome instanceof WarmthOutcome.NotStarted n) {
            String why = n.conflict()
                    ? "The heater was changed from somewhere else at the same moment, so I didn't start warming."
                    : "I couldn't keep track of the warming session, so I didn't start it.";
            return why + n.off().map(o -> " " + afterOff(o, when)).orElse("") + " Please ask me again in a minute.";
        }
        if (outcome instanceof WarmthOutcome.Stopped s) {
            return s.recorded() ? "Okay, the heater is off."
                    : "The heater is off, but I couldn't save that, so it might come back on. Please unplug it to be sure.";
        }
        if (outcome instanceof WarmthOutcome.StopFailed f) {
            String cause = f.kind() == DeviceException.Kind.SIGNED_OUT
                    ? " Its eWeLink account needs connecting again in the Cuddlies setup." : "";
            return UNPLUG + cause + keepTrying(f.selfOffBy(), when);
        }
        if (outcome instanceof WarmthOutcome.On on) {
            String s = "Your cuddlie is " + (on.heatingNow() ? "warming" : "being kept") + " at up to "
                    + degrees(on.targetC(), us) + ".";
            s += on.reading().map(r -> " It's " + degrees(r.celsius(), us) + " now.").orElse(" I can't read its temperature just now.");
            return s + " It switches off " + when.at(on.until()) + ".";
        }
        if (outcome instanceof WarmthOutcome.OnTimed t) {
            return "I can't read its temperature; it's warming gently, in bursts, and switches off " + when.at(t.until()) + ".";
        }
        if (outcome instanceof WarmthOutcome.Off off) {
            return "The heater is off." + off.reading().map(r -> " Your cuddlie is " + degrees(r.celsius(), us) + ".").orElse("");
        }
        if (outcome instanceof WarmthOutcome.OffPending p) {
            return "I haven't been able to switch the heater off yet. Please unplug it now." + keepTrying(p.selfOffBy(), when);
        }
        if (outcome instanceof WarmthOutcome.OnWithoutSession o) {
            return "Your cuddlie's heater is switched on, but I'm not warming it, so it has no timer from me."
                    + o.reading().map(r -> " It's " + degrees(r.celsius(), us) + ".").orElse("")
                    + " To switch it off, say: Alexa, tell Cuddlie Maker to turn it off.";
        }
        WarmthOutcome.Unknown u = (WarmthOutcome.Unknown) outcome;
        return "I couldn't check the heater just now. " + deviceProblem(u.kind());
    }

    /** Stop or cancel while warming: goodbye, but the heater keeps going until it ends by itself. */
    public static String goodbyeWhileWarming(Instant until, When when) {
        return "Goodbye. Your cuddlie is still warming, " + when.until(until)
                + ". To stop it, say: Alexa, tell Cuddlie Maker to turn it off.";
    }

    private static String warming(WarmthOutcome.Warming w, When when) {
        boolean us = when.us();
        WarmPlan plan = w.plan();
        StringBuilder s = new StringBuilder();
        for (WarmPlan.Limit limit : plan.limits()) {
            s.append(switch (limit) {
                case TOO_HOT -> "That's warmer than is safe for a toy a child holds, so I'll keep it at "
                        + degrees(plan.targetC(), us) + ". ";
                case TOO_COOL -> "That's cooler than the heater works, so I'll use " + degrees(plan.targetC(), us) + ". ";
                case TOO_LONG -> "I keep it warm for at most " + minutes(plan.duration()) + " at a time. ";
                case TOO_SHORT -> "I'll warm it for at least " + minutes(plan.duration()) + ". ";
            });
        }
        s.append("Warming your cuddlie to ").append(degrees(plan.targetC(), us));
        if (plan.heardFahrenheit()) {
            s.append(String.format(Locale.ROOT, ", that's %.0f Fahrenheit,", fahrenheit(plan.targetC())));
        }
        s.append(" for ").append(minutes(plan.duration())).append(zone(when, w.until())).append(". ");
        w.reading().ifPresent(r -> s.append("It's ").append(degrees(r.celsius(), us)).append(" now")
                .append(w.heatingNow() ? ". " : ", warm enough for the moment; the heater comes on when it cools. "));
        s.append("Then it switches itself off, even if I can't reach it. ").append(HOW_TO_STOP);
        return s.toString();
    }

    private static String durationLimits(WarmPlan plan) {
        StringBuilder s = new StringBuilder();
        for (WarmPlan.Limit limit : plan.limits()) {
            if (limit == WarmPlan.Limit.TOO_LONG) {
                s.append("I keep it warm for at most ").append(minutes(plan.duration())).append(" at a time. ");
            } else if (limit == WarmPlan.Limit.TOO_SHORT) {
                s.append("I'll warm it for at least ").append(minutes(plan.duration())).append(". ");
            }
        }
        return s.toString();
    }

    /** ", until 8:40" when the clock time is known. */
    private static String zone(When when, Instant until) {
        return when.zone().isPresent() ? ", " + when.until(until) : "";
    }

    /** What may be said about the heater after switching it off failed or worked. */
    private static String afterOff(OffCheck off, When when) {
        if (off.mayComeBack() && off.heater() != WarmthOutcome.Heater.MAY_BE_ON) {
            return "It is off for now, but I couldn't save that, so it might come back on. Please unplug it to be sure.";
        }
        return switch (off.heater()) {
            case CONFIRMED_OFF -> "It is not heating.";
            case NOT_TURNED_ON -> "I haven't switched it on.";
            case MAY_BE_ON -> UNPLUG + keepTrying(off.selfOffBy(), when);
        };
    }

    private static String keepTrying(Optional<Instant> selfOffBy, When when) {
        return " I'll keep trying" + selfOffBy.filter(t -> t.isAfter(when.now()))
                .map(t -> ", and its own timer switches it off " + when.at(t) + " at the latest").orElse("") + ".";
    }

    private static String deviceProblem(DeviceException.Kind kind) {
        return switch (kind) {
            case OFFLINE -> "I couldn't reach your cuddlie's heater; it seems to be offline.";
            case SIGNED_OUT -> "The heater's eWeLink account needs connecting again in the Cuddlies setup.";
            case REFUSED -> "The heater refused the command; its setup needs checking. The Cuddlies setup guide explains how.";
            case TIMEOUT, FAILED, UNCONFIRMED -> "The heater didn't answer properly.";
        };
    }

    private static double fahrenheit(double c) {
        return c * 9 / 5 + 32;
    }

    static String degrees(double c, boolean us) {
        String celsius = Math.abs(c - Math.rint(c)) < 0.05 ? String.format(Locale.ROOT, "%.0f", c)
                : String.format(Locale.ROOT, "%.1f", c);
        return celsius + " degrees" + (us ? " Celsius" : "");
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
