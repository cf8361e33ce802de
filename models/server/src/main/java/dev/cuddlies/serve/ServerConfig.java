package dev.cuddlies.serve;

/**
 * How the model server runs.
 *
 * @param host            address to bind ("0.0.0.0" in a container)
 * @param port            8080 is what SageMaker calls; 0 picks a free port (tests)
 * @param workers         outlines traced at once (default: the cores)
 * @param queue           requests allowed to wait for a worker; beyond that the answer is 503
 * @param maxPayloadBytes larger bodies are refused with 413 before they are read
 * @param graceSeconds    on shutdown, in-flight requests get this long to finish
 */
public record ServerConfig(String host, int port, int workers, int queue, long maxPayloadBytes, int graceSeconds) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 6_000_000L;

    public static ServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, cores, 2 * cores, DEFAULT_MAX_PAYLOAD_BYTES, 30);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, workers, queue, maxPayloadBytes, graceSeconds);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, workers, queue, maxPayloadBytes, graceSeconds);
    }

    public ServerConfig withWorkers(int w, int q) {
        return new ServerConfig(host, port, w, q, maxPayloadBytes, graceSeconds);
    }

    public ServerConfig withGraceSeconds(int g) {
        return new ServerConfig(host, port, workers, queue, maxPayloadBytes, g);
    }

    public ServerConfig checkValidity() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("workers must be at least 1 and queue at least 0");
        }
        if (maxPayloadBytes < 1024) {
            throw new IllegalArgumentException("the payload limit must be at least 1 KB");
        }
        return this;
    }
}
