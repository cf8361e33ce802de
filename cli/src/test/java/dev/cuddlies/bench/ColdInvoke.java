package dev.cuddlies.bench;

import dev.cuddlies.aws.CuddliesStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's side of the cold-start comparison with {@code ../shared/anchors/askcold}: one request
 * envelope through the Lambda entry point in a fresh JVM, run with only the deployment jar on the
 * class path ({@code java -cp lambda/target/cuddlies-lambda.jar:cli/target/test-classes …}), exactly
 * as askcold's {@code Runner} does for its skill. Run by scripts/bench-cold.sh.
 */
public final class ColdInvoke {

    private ColdInvoke() {
    }

    public static void main(String[] args) throws Exception {
        CuddliesStreamHandler handler = new CuddliesStreamHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            handler.handleRequest(in, out, null);
        }
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }
}
