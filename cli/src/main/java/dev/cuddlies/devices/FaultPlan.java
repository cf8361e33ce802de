package dev.cuddlies.devices;

/**
 * What goes wrong with a simulated device, decided per request and per sensor reading: errors,
 * silence, dropped connections, garbage, a refused off, wrong or badly stamped readings. Every
 * protocol front (DIY LAN, eWeLink cloud, AWS IoT for Tasmota) asks the device's plan and renders
 * the fault in its own wire format. {@link ScriptedFaults} injects chosen faults; {@link RandomFaults}
 * draws them from a seed.
 */
public interface FaultPlan {

    /** A request as the device sees it. */
    enum Command { READ, ARM_BACKSTOP, SWITCH_ON, SWITCH_OFF, OTHER }

    /** What happens to a request. */
    enum RequestFault {
        NONE,
        /** The device (or its cloud) answers with an error and does nothing: it refuses. */
        ERROR,
        /** No answer at all: the client waits until its timeout. */
        NO_ANSWER,
        /** The connection is dropped before the device acts. */
        DROP,
        /** The answer is not JSON (a proxy's error page, a truncated body). */
        GARBAGE,
        /** The device acts, but the answer is lost on the way back. */
        DROP_AFTER_ACTING
    }

    /** What the sensor reports instead of the truth. */
    enum SensorFault {
        NONE,
        /** No value ("unavailable"; no Tasmota telemetry this period). */
        SILENT,
        /** {@code "--"}, as some firmware shows a missing probe. */
        DASHES,
        /** Not a number at all. */
        GARBAGE,
        NAN,
        /** A DS18B20 with a loose wire. */
        MINUS_127,
        NEGATIVE_INFINITY,
        /** {@code 1e9}. */
        HUGE,
        /** Tasmota: the shadow keeps an old value (telemetry stopped long ago). */
        STALE,
        /** Tasmota: the value is stamped an hour in the future. */
        FUTURE
    }

    RequestFault onRequest(Command command);

    SensorFault onReading();

    /** A device that never fails. */
    FaultPlan NONE = new FaultPlan() {
        @Override
        public RequestFault onRequest(Command command) {
            return RequestFault.NONE;
        }

        @Override
        public SensorFault onReading() {
            return SensorFault.NONE;
        }
    };
}
