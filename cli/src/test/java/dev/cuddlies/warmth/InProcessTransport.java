package dev.cuddlies.warmth;

import dev.cuddlies.devices.SonoffApis;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.JsonTransport;

import java.net.URI;
import java.util.Map;

/**
 * The LAN and eWeLink drivers' JSON straight into the simulator's protocol handler, without sockets:
 * for tests about decisions rather than the wire. An unanswered request or a dropped connection fails
 * as {@code JsonHttp} makes it fail (TIMEOUT, OFFLINE), at once.
 */
final class InProcessTransport implements JsonTransport {

    private final SonoffApis sim;
    private final Runnable beforeEachCall;

    InProcessTransport(SonoffApis sim) {
        this(sim, () -> { });
    }

    /** @param beforeEachCall runs before each request (the fault campaign lets the other function cut in there) */
    InProcessTransport(SonoffApis sim, Runnable beforeEachCall) {
        this.sim = sim;
        this.beforeEachCall = beforeEachCall;
    }

    @Override
    public Answer send(String method, URI uri, Map<String, String> headers, String body) throws DeviceException {
        beforeEachCall.run();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        SonoffApis.Reply r = sim.handle(method, target, headers, body == null ? "" : body);
        return switch (r.delivery()) {
            case ANSWER -> new Answer(r.status(), r.body());
            case NO_ANSWER -> throw new DeviceException(DeviceException.Kind.TIMEOUT, "no answer (simulated)");
            case DROP -> throw new DeviceException(DeviceException.Kind.OFFLINE, "connection dropped (simulated)");
        };
    }
}
