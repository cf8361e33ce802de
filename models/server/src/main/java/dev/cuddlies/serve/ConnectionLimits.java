package dev.cuddlies.serve;

/**
 * How long and how many connections the HTTP layer keeps, against slow and idle clients.
 *
 * @param readTimeoutSeconds    from a request's first byte until its body is read whole (headers
 *                              included); a client dripping bytes is disconnected after it
 * @param responseTimeoutSeconds from the body read to the answer sent; longer than the request
 *                              deadline, so it only cuts clients that stop reading the answer
 * @param idleTimeoutSeconds    a kept-alive or freshly opened connection that sends nothing is closed
 * @param maxConnections        connections beyond this are closed at once (each open request holds a
 *                              thread while its headers and body arrive)
 * @param maxHeaderBytes        request headers larger than this are refused
 * @param bufferedBodyBytes     request bodies held in memory at once, read or waiting, all clients
 *                              together; space is taken as bytes arrive, so a slow client holds only
 *                              what it has sent, and a request that finds none gets 503
 */
public record ConnectionLimits(int readTimeoutSeconds, int responseTimeoutSeconds, int idleTimeoutSeconds,
                               int maxConnections, int maxHeaderBytes, long bufferedBodyBytes) {

    public static ConnectionLimits defaults(int workers, int queue, long maxPayloadBytes) {
        return new ConnectionLimits(20, 70, 30, 1_000, 16 * 1024, 2L * (workers + queue) * maxPayloadBytes);
    }

    public ConnectionLimits withReadTimeoutSeconds(int s) {
        return new ConnectionLimits(s, responseTimeoutSeconds, idleTimeoutSeconds, maxConnections, maxHeaderBytes,
                bufferedBodyBytes);
    }

    public ConnectionLimits withIdleTimeoutSeconds(int s) {
        return new ConnectionLimits(readTimeoutSeconds, responseTimeoutSeconds, s, maxConnections, maxHeaderBytes,
                bufferedBodyBytes);
    }

    public ConnectionLimits withBufferedBodyBytes(long bytes) {
        return new ConnectionLimits(readTimeoutSeconds, responseTimeoutSeconds, idleTimeoutSeconds, maxConnections,
                maxHeaderBytes, bytes);
    }

    /** @throws IllegalArgumentException naming the first limit out of range */
    public ConnectionLimits checkValidity() {
        if (readTimeoutSeconds < 1 || responseTimeoutSeconds < 1 || idleTimeoutSeconds < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 second");
        }
        if (maxConnections < 8 || maxHeaderBytes < 1024 || bufferedBodyBytes < 1024) {
            throw new IllegalArgumentException("at least 8 connections, 1 KB of headers and 1 KB of bodies");
        }
        return this;
    }

    /**
     * Puts these limits into the JDK HTTP server's settings. They are JVM-wide system properties read
     * once, when the first server of the process is created, so this must run before it; a property
     * already given on the command line ({@code -Dsun.net.httpserver.maxReqTime=…}) wins.
     */
    public void installJvmWide() {
        setIfAbsent("sun.net.httpserver.maxReqTime", readTimeoutSeconds);
        setIfAbsent("sun.net.httpserver.maxRspTime", responseTimeoutSeconds);
        setIfAbsent("sun.net.httpserver.idleInterval", idleTimeoutSeconds);
        // How often the idle check runs, ms (10 s by default: an idle connection could live 10 s longer).
        setIfAbsent("sun.net.httpserver.clockTick", Math.min(10_000, idleTimeoutSeconds * 1000 / 2));
        setIfAbsent("jdk.httpserver.maxConnections", maxConnections);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", maxHeaderBytes);
        setIfAbsent("sun.net.httpserver.maxReqHeaders", 64);
        // The JDK's HTTP server waits for Nagle's algorithm (~40 ms a response) unless told not to.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private static void setIfAbsent(String name, Object value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, String.valueOf(value));
        }
    }
}
