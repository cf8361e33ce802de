package dev.cuddlies.warmth;

import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs each kind of fault once at WARN (with its first message) and later ones at DEBUG with a
 * count, so a device that fails every minute does not flood the log, yet nothing is silent.
 */
final class FaultLog {

    private final Logger log;
    private final ConcurrentHashMap<String, AtomicLong> seen = new ConcurrentHashMap<>();

    FaultLog(Logger log) {
        this.log = log;
    }

    /** @param kind a short stable name: where it happened and what kind of fault (never a message text) */
    void report(String kind, Throwable fault) {
        long n = seen.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (n == 1) {
            if (fault instanceof RuntimeException || fault instanceof Error) {
                log.warn("warmth fault {}: {}", kind, fault.toString(), fault);
            } else {
                log.warn("warmth fault {}: {}", kind, fault.getMessage());
            }
        } else {
            log.debug("warmth fault {} (#{}): {}", kind, n, fault.getMessage());
        }
    }
}
