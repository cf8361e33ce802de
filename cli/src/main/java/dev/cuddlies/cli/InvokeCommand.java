package dev.cuddlies.cli;

import dev.cuddlies.aws.CuddliesStreamHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code invoke EVENT.json…}: what the Lambda runtime does with a container, on this machine. The
 * handler is built from the environment exactly as in Lambda, then each event goes through
 * {@code handleRequest}; timings are measured from the JVM's start, so a fresh process shows the
 * cold start a user waits for.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run the Lambda handler on request-envelope files, configured from the environment as in Lambda.")
final class InvokeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EVENT.json", arity = "1..*", description = "Alexa request envelopes, in order")
    private List<Path> events;

    @Option(names = "--quiet", description = "print timings only, not the responses")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        CuddliesStreamHandler handler = new CuddliesStreamHandler();
        out.printf(Locale.ROOT, "init: handler built in %d ms (%d ms after JVM start)%n",
                (System.nanoTime() - t0) / 1_000_000, System.currentTimeMillis() - jvmStart);
        for (Path event : events) {
            byte[] request = Files.readAllBytes(event);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            long t = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(request), response, null);
            out.printf(Locale.ROOT, "%s: answered in %d ms (%d ms after JVM start)%n", event.getFileName(),
                    (System.nanoTime() - t) / 1_000_000, System.currentTimeMillis() - jvmStart);
            if (!quiet) {
                out.println(response.toString(StandardCharsets.UTF_8));
            }
        }
        return 0;
    }
}
