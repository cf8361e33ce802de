package dev.cuddlies.serve;

import java.io.ByteArrayOutputStream;

/** An in-memory answer that refuses to grow past a limit: the caller then answers 413 instead. */
final class BoundedOutput extends ByteArrayOutputStream {

    /** The answer would have been larger than the limit. */
    static final class Overflow extends RuntimeException {
        Overflow() {
            super("response limit reached", null, false, false);
        }
    }

    private final long limitBytes;

    BoundedOutput(long limitBytes) {
        super(8 * 1024);
        this.limitBytes = limitBytes;
    }

    @Override
    public synchronized void write(int b) {
        require(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        require(len);
        super.write(b, off, len);
    }

    private void require(int more) {
        if ((long) count + more > limitBytes) {
            throw new Overflow();
        }
    }
}
