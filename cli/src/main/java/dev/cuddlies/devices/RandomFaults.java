package dev.cuddlies.devices;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Faults drawn from a seed: each request meets a fault with probability {@code requestRate}, each
 * reading with {@code readingRate}, the kind chosen uniformly among {@code requestKinds} and
 * {@code readingKinds}. Reproducible: the same seed and the same calls give the same faults. Counts
 * every fault injected, by kind.
 */
public final class RandomFaults implements FaultPlan {

    private final SplittableRandom random;
    private final double requestRate;
    private final double readingRate;
    private final List<RequestFault> requestKinds;
    private final List<SensorFault> readingKinds;
    private final Map<RequestFault, Long> requestCounts = new EnumMap<>(RequestFault.class);
    private final Map<SensorFault, Long> readingCounts = new EnumMap<>(SensorFault.class);

    public RandomFaults(long seed, double requestRate, List<RequestFault> requestKinds, double readingRate,
                        List<SensorFault> readingKinds) {
        this.random = new SplittableRandom(seed);
        this.requestRate = requestRate;
        this.readingRate = readingRate;
        this.requestKinds = List.copyOf(requestKinds);
        this.readingKinds = List.copyOf(readingKinds);
    }

    @Override
    public synchronized RequestFault onRequest(Command command) {
        if (requestKinds.isEmpty() || random.nextDouble() >= requestRate) {
            return RequestFault.NONE;
        }
        RequestFault f = requestKinds.get(random.nextInt(requestKinds.size()));
        requestCounts.merge(f, 1L, Long::sum);
        return f;
    }

    @Override
    public synchronized SensorFault onReading() {
        if (readingKinds.isEmpty() || random.nextDouble() >= readingRate) {
            return SensorFault.NONE;
        }
        SensorFault f = readingKinds.get(random.nextInt(readingKinds.size()));
        readingCounts.merge(f, 1L, Long::sum);
        return f;
    }

    /** Request faults injected so far, by kind. */
    public synchronized Map<RequestFault, Long> requestFaults() {
        return Map.copyOf(requestCounts);
    }

    /** Reading faults injected so far, by kind. */
    public synchronized Map<SensorFault, Long> readingFaults() {
        return Map.copyOf(readingCounts);
    }
}
