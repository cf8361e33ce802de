package dev.cuddlies.warmth;

import dev.cuddlies.devices.FaultPlan;
import dev.cuddlies.devices.SimulatedTasmota;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.IotData;

import java.util.Locale;
import java.util.Optional;

/**
 * AWS IoT's two calls straight into the simulated Tasmota and its IoT rules, without HTTP or MQTT,
 * with the device's faults rendered as the SDK adapter reports them.
 */
final class InProcessIot implements IotData {

    private final SimulatedTasmota tasmota;
    private final Runnable beforeEachCall;

    InProcessIot(SimulatedTasmota tasmota) {
        this(tasmota, () -> { });
    }

    /** @param beforeEachCall runs before each call (the fault campaign lets the other function cut in there) */
    InProcessIot(SimulatedTasmota tasmota, Runnable beforeEachCall) {
        this.tasmota = tasmota;
        this.beforeEachCall = beforeEachCall;
    }

    @Override
    public void publish(String topic, String payload) throws DeviceException {
        beforeEachCall.run();
        FaultPlan.RequestFault fault = tasmota.device().faults().onRequest(command(topic, payload));
        fail(fault);
        if (fault != FaultPlan.RequestFault.DROP && tasmota.device().online()) {
            String cmd = topic.substring(topic.lastIndexOf('/') + 1);
            tasmota.command(cmd, payload).forEach(tasmota::report);
        }
        if (fault == FaultPlan.RequestFault.DROP_AFTER_ACTING) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "answer lost (simulated)");
        }
    }

    @Override
    public Optional<String> shadow(String thing) throws DeviceException {
        beforeEachCall.run();
        FaultPlan.RequestFault fault = tasmota.device().faults().onRequest(FaultPlan.Command.READ);
        fail(fault);
        if (fault == FaultPlan.RequestFault.DROP || fault == FaultPlan.RequestFault.DROP_AFTER_ACTING) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "connection dropped (simulated)");
        }
        return tasmota.shadowDocument();
    }

    /** The TelePeriod, straight into the IoT rules. */
    void telemetry() {
        tasmota.sensorPayload().ifPresent(tasmota::report);
    }

    private static void fail(FaultPlan.RequestFault fault) throws DeviceException {
        switch (fault) {
            case ERROR, GARBAGE -> throw new DeviceException(DeviceException.Kind.OFFLINE, "AWS IoT failed (simulated)");
            case NO_ANSWER -> throw new DeviceException(DeviceException.Kind.TIMEOUT, "AWS IoT did not answer (simulated)");
            default -> {
                // goes on
            }
        }
    }

    private static FaultPlan.Command command(String topic, String payload) {
        String cmd = topic.substring(topic.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String p = payload.toLowerCase(Locale.ROOT);
        if (cmd.equals("power")) {
            return p.contains("off") ? FaultPlan.Command.SWITCH_OFF : FaultPlan.Command.SWITCH_ON;
        }
        if (cmd.equals("backlog")) {
            return p.contains("power on") ? FaultPlan.Command.SWITCH_ON : FaultPlan.Command.ARM_BACKSTOP;
        }
        return FaultPlan.Command.OTHER;
    }
}
