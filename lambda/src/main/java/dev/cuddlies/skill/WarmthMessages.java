package dev.cuddlies.skill;

import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.WarmPlan;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.switches.DeviceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the skill says about warmth: what actually happens, and why when a request was limited. */
public final class WarmthMessages {

    public static final String NO_HEATER = "No heater switch is set up for Cuddlies yet, so I can't warm your toy. "
            + "The Cuddlies setup guide explains how to connect a Sonoff switch.";

    private WarmthMessages() {
    }

    public static String say(WarmthOutcome outcome, Locale locale) {
        boolean f = LocaleSpeech.fahrenheit(locale);
        String toy = LocaleSpeech.toy(locale);
        if (outcome instanceof WarmthOutcome.Warming w) {
            return warming(w, f, toy);
        }
        if (outcome instanceof WarmthOutcome.TooHot h) {
            return "Your " + toy + " is already " + degrees(h.reading().celsius(), f) + ", too warm to heat, so I've "
                    + "switched the heater off. Please check on it.";
        }
        if (outcome instanceof WarmthOutcome.DeviceProblem p) {
            return deviceProblem(p.kind()) + " It is not heating.";
        }
        if (outcome instanceof WarmthOutcome.Stopped) {
            return "Okay, the heater is off.";
        }
        if (outcome instanceof WarmthOutcome.StopFailed failed) {
            return failed.within().map(d -> "I couldn't reach the heater to switch it off. Its own timer switches it off "
                    + "within " + minutes(d) + "; if you can, unplug it now.")
                    .orElse("I couldn't reach the heater to switch it off. Please unplug it now.");
        }
        if (outcome instanceof WarmthOutcome.On on) {
            String s = "Your " + toy + " is " + (on.heatingNow() ? "warming" : "being kept") + " at up to "
                    + degrees(on.targetC(), f);
            s += on.reading().map(r -> "; it's " + degrees(r.celsius(), f) + " now.").orElse(".");
            return s + " It switches off in " + minutes(on.left()) + ".";
        }
        WarmthOutcome.Off off = (WarmthOutcome.Off) outcome;
        return "The heater is off." + off.reading().map(r -> " Your " + toy + " is " + degrees(r.celsius(), f) + ".").orElse("");
    }

    /**
     * "How long until it's warm": from the estimate made of the readings, or that it can't tell.
     *
     * @param estimate time until the target is reached; zero when it is warm already; empty when unknown
     */
    public static String timeToWarm(WarmthOutcome status, Optional<Duration> estimate, Locale locale) {
        boolean f = LocaleSpeech.fahrenheit(locale);
        if (!(status instanceof WarmthOutcome.On on)) {
            return say(status, locale) + (status instanceof WarmthOutcome.Off ? " Say warm it up to start." : "");
        }
        if (on.reading().isEmpty()) {
            return "I can't read its temperature, so I can't tell. It switches off in " + minutes(on.left()) + ".";
        }
        String now = degrees(on.reading().get().celsius(), f);
        if (estimate.isEmpty()) {
            return "I can't tell yet: it's " + now + ", warming to " + degrees(on.targetC(), f) + ". Ask me again in a minute.";
        }
        if (estimate.get().isZero()) {
            return "It's warm now, at " + now + ". It switches off in " + minutes(on.left()) + ".";
        }
        return "About " + minutes(estimate.get()) + ": it's " + now + ", warming to " + degrees(on.targetC(), f) + ".";
    }

    /** Goodbye while the heater stays on: it is still warming, for how long, and how to stop it. */
    public static String stillWarming(WarmthOutcome.On on, Locale locale) {
        return "Okay. Your " + LocaleSpeech.toy(locale) + " is still warming for another " + minutes(on.left())
                + "; to switch it off, say: stop warming.";
    }

    /** One or two sentences: what is happening (and why, if limited), then what switches it off. */
    private static String warming(WarmthOutcome.Warming w, boolean f, String toy) {
        WarmPlan plan = w.plan();
        List<String> why = new ArrayList<>();
        for (WarmPlan.Limit limit : plan.limits()) {
            why.add(switch (limit) {
                case TOO_HOT -> "that's warmer than is safe for a toy a child holds";
                case TOO_COOL -> "that's cooler than the heater works";
                case TOO_LONG -> "I keep it warm for at most " + minutes(plan.duration()) + " at a time";
                case TOO_SHORT -> "I warm it for at least " + minutes(plan.duration());
            });
        }
        StringBuilder s = new StringBuilder();
        if (why.isEmpty()) {
            s.append("Warming your ").append(toy).append(" to ").append(degrees(plan.targetC(), f)).append(" for ")
                    .append(minutes(plan.duration()));
            w.reading().ifPresent(r -> s.append("; it's ").append(degrees(r.celsius(), f)).append(" now"));
        } else {
            String reasons = String.join(", and ", why);
            s.append(Character.toUpperCase(reasons.charAt(0))).append(reasons.substring(1)).append(", so I'm warming it to ")
                    .append(degrees(plan.targetC(), f)).append(" for ").append(minutes(plan.duration()));
        }
        s.append(". ");
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

    /** In °F where the locale speaks it (en-US), else °C; the scale is not named: the locale implies it. */
    static String degrees(double c, boolean fahrenheit) {
        double d = fahrenheit ? c * 9 / 5 + 32 : c;
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
