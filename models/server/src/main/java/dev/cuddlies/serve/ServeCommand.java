package dev.cuddlies.serve;

import dev.cuddlies.records.SourceResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** {@code serve [--port 8080] [--model-dir /opt/ml/model]}: the SageMaker container's server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the outline model over the SageMaker container contract (/ping, /invocations).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--model-dir", defaultValue = "/opt/ml/model",
            description = "unpacked model.tar.gz (default: ${DEFAULT-VALUE}; engine defaults when absent)")
    private Path modelDir;

    @Option(names = "--workers", description = "outlines traced at once (default: the number of cores)")
    private Integer workers;

    @Option(names = "--read-timeout", defaultValue = "20", paramLabel = "SECONDS",
            description = "a request's headers and body must arrive within this (default: ${DEFAULT-VALUE})")
    private int readTimeoutSeconds;

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "connections that send nothing for this long are closed (default: ${DEFAULT-VALUE})")
    private int idleTimeoutSeconds;

    @Option(names = "--work-megapixels", defaultValue = "160", paramLabel = "MP",
            description = "pixel work one request may spend, pictures priced from their headers; 16-bit samples "
                    + "count double (default: ${DEFAULT-VALUE})")
    private long workMegapixels;

    @Option(names = "--max-records", defaultValue = "1000", paramLabel = "N",
            description = "records one multi-record request may hold (default: ${DEFAULT-VALUE})")
    private int maxRecords;

    @Option(names = "--source-dir", description = "folder that jsonlines \"source-ref\" paths may point into (default: none)")
    private Path sourceDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ModelDirectory model = ModelDirectory.load(modelDir);
        ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port);
        if (workers != null) {
            config = config.withWorkers(workers, 2 * workers);
        }
        config = config.withRequests(config.requests().withWorkUnits(workMegapixels * 1_000_000L)
                .withMaxRecords(maxRecords));
        config = config.withConnections(config.connections().withReadTimeoutSeconds(readTimeoutSeconds)
                .withIdleTimeoutSeconds(idleTimeoutSeconds)).checkValidity();
        // Before the first HttpServer of this JVM is created: the JDK reads these once.
        config.connections().installJvmWide();
        SourceResolver resolver = sourceDir == null ? SourceResolver.none()
                : SourceResolver.under(sourceDir, config.maxPayloadBytes());
        SageMakerServer server = SageMakerServer.start(config,
                new Invocations(model.config(), config.requests(), resolver));
        CountDownLatch stopped = new CountDownLatch(1);
        // SageMaker stops a container with SIGTERM: finish what is in flight, then exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: letting in-flight requests finish");
            server.close();
            stopped.countDown();
        }, "model-shutdown"));
        System.err.printf("outline model listening on %s:%d (%s; %d workers, queue %d, payload limit %d MB, "
                        + "at most %d records, read timeout %d s)%n",
                host, server.port(), model.note(), config.workers(), config.queue(),
                config.maxPayloadBytes() / 1_000_000, config.requests().maxRecords(), readTimeoutSeconds);
        stopped.await();
        return 0;
    }
}
