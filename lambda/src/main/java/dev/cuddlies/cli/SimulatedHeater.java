package dev.cuddlies.cli;

import dev.cuddlies.warmth.sim.SimulatedSonoffTh;
import dev.cuddlies.warmth.sim.SonoffSimServer;
import dev.cuddlies.warmth.switches.SwitchConfig;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/** The local console's heater: a simulated Sonoff TH in a toy, reached over its real LAN API on loopback. */
final class SimulatedHeater implements AutoCloseable {

    private static final double ROOM_C = 21;

    private final SonoffSimServer server;

    private SimulatedHeater(SonoffSimServer server) {
        this.server = server;
    }

    static SimulatedHeater start() throws IOException {
        return new SimulatedHeater(new SonoffSimServer(new SimulatedSonoffTh(Clock.systemUTC(), ROOM_C)));
    }

    SwitchConfig switchConfig() {
        return new SwitchConfig("lan", Map.of("CUDDLIES_SONOFF_URL", server.endpoint().toString(),
                "CUDDLIES_SONOFF_DEVICE_ID", SonoffSimServer.DEVICE_ID));
    }

    @Override
    public void close() {
        server.close();
    }
}
