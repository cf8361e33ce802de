package dev.cuddlies.devices;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;

/** Faults chosen in advance: "refuse the next off", "the next three readings are --", "always NaN". */
public final class ScriptedFaults implements FaultPlan {

    private final Map<Command, Queue<RequestFault>> requests = new EnumMap<>(Command.class);
    private final Queue<SensorFault> readings = new ArrayDeque<>();
    private SensorFault always = SensorFault.NONE;

    /** The next {@code times} requests of this kind meet {@code fault}. */
    public synchronized ScriptedFaults next(Command command, RequestFault fault, int times) {
        Queue<RequestFault> q = requests.computeIfAbsent(command, c -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(fault);
        }
        return this;
    }

    /** The device refuses the next {@code times} offs (answers an error, stays as it is). */
    public ScriptedFaults refuseOffs(int times) {
        return next(Command.SWITCH_OFF, RequestFault.ERROR, times);
    }

    /** The next readings, in order; then {@link #always}. */
    public synchronized ScriptedFaults readings(SensorFault... faults) {
        readings.addAll(java.util.List.of(faults));
        return this;
    }

    /** Every reading after the scripted ones. */
    public synchronized ScriptedFaults always(SensorFault fault) {
        always = fault;
        return this;
    }

    @Override
    public synchronized RequestFault onRequest(Command command) {
        Queue<RequestFault> q = requests.get(command);
        return q == null || q.isEmpty() ? RequestFault.NONE : q.poll();
    }

    @Override
    public synchronized SensorFault onReading() {
        return readings.isEmpty() ? always : readings.poll();
    }
}
