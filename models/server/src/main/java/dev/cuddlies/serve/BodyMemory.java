package dev.cuddlies.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all request bodies may hold at once, taken chunk by chunk as bytes arrive and given back
 * when the request is answered. A client dripping its body holds only what it has sent, so slow
 * clients cannot use up the server's admission; many fast large bodies at once get 503 instead of
 * an OutOfMemoryError.
 */
final class BodyMemory {

    static final int CHUNK_BYTES = 64 * 1024;

    /** Why a body was not read whole. */
    enum Refusal { TOO_LARGE, NO_MEMORY }

    /** A body not read: too large, or no memory left for it. */
    static final class Refused extends Exception {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    private final long capacityBytes;
    private final AtomicLong used = new AtomicLong();

    BodyMemory(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Bytes held by bodies right now. */
    long usedBytes() {
        return used.get();
    }

    /** Space held for one request's body; {@link #close()} gives it back. */
    final class Lease implements AutoCloseable {
        private long held;

        private boolean take(long bytes) {
            while (true) {
                long before = used.get();
                if (before + bytes > capacityBytes) {
                    return false;
                }
                if (used.compareAndSet(before, before + bytes)) {
                    held += bytes;
                    return true;
                }
            }
        }

        /**
         * Reads a body of at most {@code maxBytes}, taking memory chunk by chunk.
         *
         * @throws Refused when it is longer than {@code maxBytes} or the memory is used up
         */
        byte[] read(InputStream in, long maxBytes) throws IOException, Refused {
            List<byte[]> chunks = new ArrayList<>();
            long total = 0;
            while (true) {
                if (!take(CHUNK_BYTES)) {
                    throw new Refused(Refusal.NO_MEMORY);
                }
                byte[] chunk = in.readNBytes(CHUNK_BYTES);
                chunks.add(chunk);
                total += chunk.length;
                if (total > maxBytes) {
                    throw new Refused(Refusal.TOO_LARGE);
                }
                if (chunk.length < CHUNK_BYTES) {
                    break;
                }
            }
            byte[] body = new byte[(int) total];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, body, at, c.length);
                at += c.length;
            }
            return body;
        }

        @Override
        public void close() {
            used.addAndGet(-held);
            held = 0;
        }
    }

    Lease lease() {
        return new Lease();
    }
}
