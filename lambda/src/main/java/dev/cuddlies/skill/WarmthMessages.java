package dev.cuddlies.skill;

import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.WarmPlan;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.switches.DeviceException;

import java.time.Duration;
import java.util.Locale;

/** What the skill says about warmth: what actually happens, and why when a request was limited. */
public final class WarmthMessages {

    public static final String NO_HEATER = "No heater switch is set up for Cuddlie Maker yet, so I can't warm your "
            + "cuddlie. The Cuddlies setup guide explains how to connect a Sonoff switch.";

    private WarmthMessages() {
    }

    public static String say(WarmthOutcome outcome, Locale locale) {
        boolean us = Locale.US.equals(locale);
        if (outcome instanceof WarmthOutcome.Warming w) {
            return warming(w, us);
        }
        if (outcome instanceof WarmthOutcome.TooHot h) {
            return "Your cuddlie is already " + degrees(h.reading().celsius(), us) + ", too warm to heat. I've switched "
                    + "the heater off. Please check on it.";
        }
        if (outcome instanceof WarmthOutcome.DeviceProblem p) {
            return deviceProblem(p.kind()) + " It is not heating.";
        }
        if (outcome instanceof WarmthOutcome.Stopped) {
            return "Okay, the heater is off.";
        }
        if (outcome instanceof WarmthOutcome.StopFailed f) {
            return f.within().map(d -> "I couldn't reach the heater to switch it off. Its own timer switches it off within "
                    + minutes(d) + ". If you can, unplug it now.")
                    .orElse("I couldn't reach the heater to switch it off. Please unplug it now.");
        }
        if (outcome instanceof WarmthOutcome.On on) {
            String s = "Your cuddlie is " + (on.heatingNow() ? "warming" : "being kept") + " at up to "
                    + degrees(on.targetC(), us) + ".";
            s += on.reading().map(r -> " It's " + degrees(r.celsius(), us) + " now.").orElse("");
            return s + " It switches off in " + minutes(on.left()) + ".";
        }
        WarmthOutcome.Off off = (WarmthOutcome.Off) outcome;
        return "The heater is off." + off.reading().map(r -> " Your cuddlie is " + degrees(r.celsius(), us) + ".").orElse("");
    }

    private static String warming(WarmthOutcome.Warming w, boolean us) {
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
            s.append(String.format(Locale.ROOT, ", that's %.0f Fahrenheit,", plan.targetC() * 9 / 5 + 32));
        }
        s.append(" for ").append(minutes(plan.duration())).append(". ");
        w.reading().ifPresent(r -> s.append("It's ").append(degrees(r.celsius(), us)).append(" now. "));
        s.append(w.deviceBackstop() ? "Then it switches itself off, even if I can't reach it."
                : "Your " + w.device() + " applet's timer switches it off; make sure it has one.");
        return s.toString();
    }

    private static String deviceProblem(DeviceException.Kind kind) {
        return switch (kind) {
            case OFFLINE -> "I couldn't reach your cuddlie's heater; it seems to be offline.";
            case REFUSED -> "The heater's account needs connecting again in the Cuddlies setup.";
            case TIMEOUT, FAILED -> "The heater didn't answer properly. Please try again in a minute.";
        };
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
