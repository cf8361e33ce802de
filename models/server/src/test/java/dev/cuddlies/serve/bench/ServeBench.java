package dev.cuddlies.serve.bench;

import dev.cuddlies.fixtures.HeapPeaks;
import dev.cuddlies.fixtures.SyntheticCartoon;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.records.SourceResolver;
import dev.cuddlies.serve.Invocations;
import dev.cuddlies.serve.ModelCli;
import dev.cuddlies.serve.SageMakerServer;
import dev.cuddlies.serve.ServerConfig;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The model server's start-up, first-request and load numbers, printed as Markdown for
 * docs/benchmarks.md. Run with {@code scripts/bench-server.sh} (a test-scope program: the container
 * jar carries no benchmark).
 */
public final class ServeBench {

    private final PrintWriter out;

    ServeBench(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        new ServeBench(new PrintWriter(System.out, true)).run();
    }

    int run() throws Exception {
        out.printf(Locale.ROOT, "Measured %s, %d cores, Java %s.%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        coldStart();
        load();
        return 0;
    }

    /** A fresh JVM running {@code serve}: time to the first 200 from /ping, then a 16 MP picture. */
    private void coldStart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                ModelCli.class.getName(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--model-dir", Path.of("target", "no-model-dir").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        try {
            long pingMs = -1;
            while (System.nanoTime() - started < 30_000_000_000L) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        pingMs = (System.nanoTime() - started) / 1_000_000;
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    Thread.sleep(20);
                }
            }
            byte[] big = SyntheticCartoon.jpeg(SyntheticCartoon.draw(4900, 3270), 0.85f);
            long t0 = System.nanoTime();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                    .header("Content-Type", "image/jpeg").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "Cold start (fresh JVM, `serve`): /ping 200 after %d ms; first /invocations "
                    + "(16 MP JPEG, %d bytes) answered %d in %d ms.%n%n", pingMs, big.length, first.statusCode(), firstMs);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private void load() throws Exception {
        HeapPeaks.reset();
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0);
        try (SageMakerServer server = SageMakerServer.start(config,
                new Invocations(OutlineConfig.defaults(), config.maxPayloadBytes(), SourceResolver.none()))) {
            byte[] picture = SyntheticCartoon.png(SyntheticCartoon.draw(1000, 800));
            ServeLoad.run(server.port(), 64, 8, picture, Duration.ofMinutes(1)); // warm-up
            ServeLoad.Result r = ServeLoad.run(server.port(), 500, 32, picture, Duration.ofMinutes(5));
            long peak = HeapPeaks.bytes();
            out.printf(Locale.ROOT, "Load: 500 requests, 32 clients, 1 in 10 malformed, 0.8 MP PNG, %d workers + "
                    + "queue %d (clients retry 503 with back-off).%n", config.workers(), config.queue());
            out.println("| throughput req/s | p50 ms | p99 ms | ok | malformed → 4xx | 503 answers seen | 5xx for bad input | other | peak heap MB |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            out.printf(Locale.ROOT, "| %.1f | %.0f | %.0f | %d | %d | %d | %d | %d | %.0f |%n", r.throughputPerSecond(),
                    r.percentileMillis(0.5), r.percentileMillis(0.99), r.ok(), r.badInputAnswered4xx(),
                    r.overloaded503(), r.badInput5xx(), r.otherErrors(), peak / 1048576.0);
        }
    }
}
