package dev.cuddlies.serve;

/**
 * What one invocation may cost the server. Each limit answers one attack of issue 12; every refusal
 * is a 4xx with a JSON error naming the limit.
 *
 * @param maxPayloadBytes  larger bodies are refused with 413 before or while they are read
 * @param maxRecords       a multi-record payload with more records is refused with 413 before any is
 *                         traced (2.99 million one-byte JSON lines once built one error object each)
 * @param maxResponseBytes an answer that would grow past this is refused with 413 (SageMaker itself
 *                         passes at most 6 MB back); results are serialised one by one into a buffer
 *                         bounded by it, never kept as objects
 * @param workUnits        pixel work one request may spend ({@link dev.cuddlies.outline.WorkBudget}):
 *                         pictures are priced from their headers, the rest of a payload is refused
 * @param deadlineMs       from arrival to the latest answer; tracing stops at its next checkpoint
 *                         after it (SageMaker gives a container 60 s)
 */
public record RequestLimits(long maxPayloadBytes, int maxRecords, long maxResponseBytes, long workUnits,
                            long deadlineMs) {

    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 6_000_000L;
    public static final int DEFAULT_MAX_RECORDS = 1_000;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 6_000_000L;
    /** Four of the largest pictures the engine accepts (40 megapixels, 8-bit samples). */
    public static final long DEFAULT_WORK_UNITS = 160_000_000L;
    public static final long DEFAULT_DEADLINE_MS = 50_000L;

    public static RequestLimits defaults() {
        return new RequestLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_RECORDS, DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_WORK_UNITS, DEFAULT_DEADLINE_MS);
    }

    public RequestLimits withMaxPayloadBytes(long bytes) {
        return new RequestLimits(bytes, maxRecords, maxResponseBytes, workUnits, deadlineMs);
    }

    public RequestLimits withMaxRecords(int records) {
        return new RequestLimits(maxPayloadBytes, records, maxResponseBytes, workUnits, deadlineMs);
    }

    public RequestLimits withMaxResponseBytes(long bytes) {
        return new RequestLimits(maxPayloadBytes, maxRecords, bytes, workUnits, deadlineMs);
    }

    public RequestLimits withWorkUnits(long units) {
        return new RequestLimits(maxPayloadBytes, maxRecords, maxResponseBytes, units, deadlineMs);
    }

    public RequestLimits withDeadlineMs(long ms) {
        return new RequestLimits(maxPayloadBytes, maxRecords, maxResponseBytes, workUnits, ms);
    }

    /** @throws IllegalArgumentException naming the first limit out of range */
    public RequestLimits checkValidity() {
        require(maxPayloadBytes >= 1024, "the payload limit must be at least 1 KB");
        require(maxRecords >= 1, "the record limit must be at least 1");
        require(maxResponseBytes >= 1024, "the response limit must be at least 1 KB");
        require(workUnits >= 1_000_000, "the work budget must be at least 1 megapixel");
        require(deadlineMs >= 100, "the deadline must be at least 100 ms");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
