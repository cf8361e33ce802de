package dev.cuddlies.server;

/**
 * The JDK HTTP server's own limits against slow and idle clients. They are JVM-wide system
 * properties read once, when the first server of the process is created, so {@link #install()} must
 * run before it; a property given on the command line ({@code -Dsun.net.httpserver.maxReqTime=…}) wins.
 *
 * @param readTimeoutSeconds  from a request's first byte until its body is read whole, headers included
 * @param idleTimeoutSeconds  a kept-alive or freshly opened connection that sends nothing is closed
 * @param maxConnections      connections beyond this are closed at once; each open one may hold a thread
 */
public record JdkHttpLimits(int readTimeoutSeconds, int idleTimeoutSeconds, int maxConnections) {

    /** Alexa's requests are a few kilobytes sent at once; its whole answer window is 8 s. */
    public static JdkHttpLimits skillServerDefaults() {
        return new JdkHttpLimits(5, 30, 500);
    }

    public void install() {
        setIfAbsent("sun.net.httpserver.maxReqTime", readTimeoutSeconds);
        // From the body read to the answer sent: the skill answers within 8 s or apologises.
        setIfAbsent("sun.net.httpserver.maxRspTime", 30);
        setIfAbsent("sun.net.httpserver.idleInterval", idleTimeoutSeconds);
        setIfAbsent("sun.net.httpserver.clockTick", Math.min(10_000, idleTimeoutSeconds * 1000 / 2));
        setIfAbsent("jdk.httpserver.maxConnections", maxConnections);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", 16 * 1024);
        setIfAbsent("sun.net.httpserver.maxReqHeaders", 64);
    }

    private static void setIfAbsent(String name, Object value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, String.valueOf(value));
        }
    }
}
