package dev.cuddlies.serve;

/**
 * How the model server runs.
 *
 * @param host         address to bind ("0.0.0.0" in a container)
 * @param port         8080 is what SageMaker calls; 0 picks a free port (tests)
 * @param workers      outlines traced at once (default: the cores)
 * @param queue        requests whose body has arrived allowed to wait for a worker; beyond that, 503
 * @param graceSeconds on shutdown, in-flight requests get this long to finish; then they are cancelled
 * @param requests     what one invocation may cost
 * @param connections  timeouts and counts of the HTTP layer
 */
public record ServerConfig(String host, int port, int workers, int queue, int graceSeconds, RequestLimits requests,
                           ConnectionLimits connections) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = RequestLimits.DEFAULT_MAX_PAYLOAD_BYTES;

    public static ServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, cores, 2 * cores, 30, RequestLimits.defaults(),
                ConnectionLimits.defaults(cores, 2 * cores, DEFAULT_MAX_PAYLOAD_BYTES));
    }

    public long maxPayloadBytes() {
        return requests.maxPayloadBytes();
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, workers, queue, graceSeconds, requests, connections);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, workers, queue, graceSeconds, requests, connections);
    }

    /** Also resizes the body buffer to the new admission. */
    public ServerConfig withWorkers(int w, int q) {
        return new ServerConfig(host, port, w, q, graceSeconds, requests,
                connections.withBufferedBodyBytes(2L * (w + q) * requests.maxPayloadBytes()));
    }

    public ServerConfig withGraceSeconds(int g) {
        return new ServerConfig(host, port, workers, queue, g, requests, connections);
    }

    public ServerConfig withRequests(RequestLimits r) {
        return new ServerConfig(host, port, workers, queue, graceSeconds, r, connections);
    }

    public ServerConfig withConnections(ConnectionLimits c) {
        return new ServerConfig(host, port, workers, queue, graceSeconds, requests, c);
    }

    public ServerConfig checkValidity() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("workers must be at least 1 and queue at least 0");
        }
        requests.checkValidity();
        connections.checkValidity();
        if (connections.bufferedBodyBytes() < requests.maxPayloadBytes()) {
            throw new IllegalArgumentException("the body buffer must hold at least one largest payload");
        }
        return this;
    }
}
