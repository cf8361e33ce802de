package dev.cuddlies.devices;

import dev.cuddlies.config.SwitchSettings;

import java.io.IOException;
import java.time.Clock;

/** The local console's heater: a simulated Sonoff TH in a toy, reached over its real LAN API on loopback. */
public final class SimulatedHeater implements AutoCloseable {

    private static final double ROOM_C = 21;

    private final SonoffSimServer server;

    private SimulatedHeater(SonoffSimServer server) {
        this.server = server;
    }

    public static SimulatedHeater start() throws IOException {
        return new SimulatedHeater(new SonoffSimServer(new SimulatedSonoffTh(Clock.systemUTC(), ROOM_C)));
    }

    public SwitchSettings switchSettings() {
        return new SwitchSettings.Lan(server.endpoint(), SonoffSimServer.DEVICE_ID);
    }

    @Override
    public void close() {
        server.close();
    }
}
