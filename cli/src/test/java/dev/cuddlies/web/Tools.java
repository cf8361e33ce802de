package dev.cuddlies.web;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browser and npm packages the browser test needs (.ci/run installs them: Debian's chromium,
 * and playwright-core and axe-core under .tools/). In CI (CI=true) a missing one fails the test; on a
 * developer's machine the test is skipped with the same message.
 */
record Tools(Path nodeModules) {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    static Tools require(String... packages) {
        if (!Files.isExecutable(CHROMIUM)) {
            missing(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve(".tools/node_modules");
            boolean all = true;
            for (String p : packages) {
                all &= Files.isDirectory(modules.resolve(p));
            }
            if (all) {
                return new Tools(modules);
            }
        }
        missing(String.join(" and ", packages) + " are not installed under .tools/: run "
                + "npm install --prefix .tools playwright-core axe-core (as .ci/run does)");
        throw new IllegalStateException("unreachable");
    }

    private static void missing(String what) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(what);
        }
        Assumptions.assumeTrue(false, what);
    }
}
