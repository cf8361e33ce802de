package dev.cuddlies.warmth.switches;

import dev.cuddlies.warmth.Probe;

/**
 * What a switch reports about itself.
 *
 * @param relay whether the relay is closed, as the device says
 * @param probe its temperature sensor's answer
 */
public record SwitchReport(Relay relay, Probe probe) {

    /** The relay as the device reports it. */
    public enum Relay { ON, OFF, UNKNOWN }

    public static Relay relay(String onOff) {
        if ("on".equalsIgnoreCase(onOff)) {
            return Relay.ON;
        }
        return "off".equalsIgnoreCase(onOff) ? Relay.OFF : Relay.UNKNOWN;
    }
}
