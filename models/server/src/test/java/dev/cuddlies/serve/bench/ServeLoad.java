package dev.cuddlies.serve.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load on a model server over loopback through the real SageMakerRuntimeClient:
 * {@code requests} invocations from {@code clients} threads, every tenth one malformed. Used by the
 * load test (which checks the answers) and by {@code bench --serve} (which reports the numbers).
 */
public final class ServeLoad {

    /**
     * What came back. Clients retry a 503 after a short pause, as SDK clients do, so
     * {@code overloaded503} counts answers seen, and every request ends as ok, 4xx or an error.
     */
    public record Result(int ok, int badInputAnswered4xx, int overloaded503, int otherErrors, int badInput5xx,
                         long[] latenciesNanos, long wallNanos) {

        public double throughputPerSecond() {
            return (ok + badInputAnswered4xx + otherErrors + badInput5xx) / (wallNanos / 1e9);
        }

        public double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
        }
    }

    private ServeLoad() {
    }

    /** Exponential back-off with full jitter, capped at 100 ms: a worker frees up quickly on loopback. */
    private static void pause(int attempt) {
        try {
            long cap = Math.min(100, 5L << Math.min(attempt, 5));
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(cap));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static SageMakerRuntimeClient client(int port) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("load", "load")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Runs the load; stops early if {@code timeLimit} passes. Loopback only. */
    public static Result run(int port, int requests, int clients, byte[] picture, Duration timeLimit)
            throws InterruptedException {
        byte[] malformed = "this is not a picture".getBytes(StandardCharsets.UTF_8);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad4xx = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger bad5xx = new AtomicInteger();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try (SageMakerRuntimeClient client = client(port)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        boolean bad = i % 10 == 9;
                        long t0 = System.nanoTime();
                        for (int attempt = 0; ; attempt++) {
                            try {
                                client.invokeEndpoint(InvokeEndpointRequest.builder().endpointName("load")
                                        .contentType("image/png").accept("application/json")
                                        .body(SdkBytes.fromByteArray(bad ? malformed : picture)).build());
                                (bad ? other : ok).incrementAndGet();
                                break;
                            } catch (SageMakerRuntimeException e) {
                                int s = e.statusCode();
                                if (s == 503 && System.nanoTime() < deadline) {
                                    busy.incrementAndGet();
                                    pause(attempt);
                                    continue;
                                }
                                if (bad && s >= 400 && s < 500) {
                                    bad4xx.incrementAndGet();
                                } else if (bad && s >= 500) {
                                    bad5xx.incrementAndGet();
                                } else {
                                    other.incrementAndGet();
                                }
                                break;
                            } catch (RuntimeException e) {
                                other.incrementAndGet();
                                break;
                            }
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                }));
            }
            for (Future<?> w : workers) {
                try {
                    w.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    other.incrementAndGet();
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        int done = Math.min(requests, next.get());
        return new Result(ok.get(), bad4xx.get(), busy.get(), other.get(), bad5xx.get(),
                Arrays.copyOf(latencies, done), System.nanoTime() - start);
    }
}
