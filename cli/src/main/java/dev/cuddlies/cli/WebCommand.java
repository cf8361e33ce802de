package dev.cuddlies.cli;

import dev.cuddlies.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code web [--port 8080]}: the phone page on its own at {@code /}, with local storage, as the web
 * function serves it in AWS. Pair with the code {@code simulate} (or the skill server) speaks.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "Serve the phone upload page locally (local storage).")
final class WebCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE}; "
            + "0.0.0.0 lets a phone on your network reach it)")
    private String host;

    @Option(names = "--data", description = "local storage folder (default: CUDDLIES_HOME or ./cuddlies-data)")
    private Path data;

    @Override
    public Integer call() throws Exception {
        Path dataDir = data != null ? data : Path.of(System.getenv().getOrDefault("CUDDLIES_HOME", "cuddlies-data"));
        LocalPage page = LocalPage.start(LocalPage.configure(AppConfig.local(dataDir), host, port), host, port,
                Optional.empty(), Clock.systemUTC());
        spec.commandLine().getErr().printf("phone page on %s (storage %s)%n", page.address(), dataDir.toAbsolutePath());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            page.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
