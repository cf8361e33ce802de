package dev.cuddlies.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP proxy in front of the local server that can drop the connection in the middle of
 * an upload, as a phone losing its signal would: while cutting, every {@code POST /upload} is
 * forwarded up to half of its body and then both sides are reset. (Every one: a browser sends a
 * request again by itself when a connection it had kept open is reset.)
 */
final class CuttingProxy implements AutoCloseable {

    private static final byte[] UPLOAD = "POST /upload ".getBytes(StandardCharsets.US_ASCII);
    private static final java.util.regex.Pattern LENGTH = java.util.regex.Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)");

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicBoolean cutting = new AtomicBoolean();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });

    CuttingProxy(int listenPort, int targetPort) throws IOException {
        this.listener = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        pumps.execute(this::accept);
    }

    /** Uploads are cut short from now on ({@code true}) or go through again ({@code false}). */
    void cutUploads(boolean cut) {
        cutting.set(cut);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pumps.execute(() -> pump(client, server, true));
                pumps.execute(() -> pump(server, client, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromBrowser) {
        byte[] buffer = new byte[4096];
        long cutAt = -1;
        long forwarded = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int request = fromBrowser && cutAt < 0 ? indexOf(buffer, n, UPLOAD) : -1;
                if (request >= 0 && cutting.get()) {
                    String head = new String(buffer, request, n - request, StandardCharsets.ISO_8859_1);
                    java.util.regex.Matcher length = LENGTH.matcher(head);
                    int headersEnd = head.indexOf("\r\n\r\n");
                    if (!length.find() || headersEnd < 0) {
                        throw new IOException("the upload's headers did not come in one piece");
                    }
                    cutAt = forwarded + request + headersEnd + 4 + Long.parseLong(length.group(1)) / 2;
                }
                if (cutAt >= 0 && forwarded + n > cutAt) {
                    out.write(buffer, 0, (int) (cutAt - forwarded));
                    out.flush();
                    reset(from);
                    reset(to);
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                forwarded += n;
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Closes with a TCP reset, as a dropped network looks to both ends. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pumps.shutdownNow();
    }
}
