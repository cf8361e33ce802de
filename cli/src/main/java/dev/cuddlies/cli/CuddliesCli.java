package dev.cuddlies.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;

/** {@code java -jar cuddlies.jar <command>}: the local, no-AWS face of Cuddlies. */
@Command(name = "cuddlies", mixinStandardHelpOptions = true, versionProvider = CuddliesCli.Version.class,
        description = "Turns a cartoon picture into a printable plush-toy sewing pattern.",
        subcommands = {SimulateCommand.class, UploadCommand.class, InvokeCommand.class, OutlineCommand.class,
            PatternCommand.class, SkillServerCommand.class, WebCommand.class, InfraCommand.class, BenchCommand.class,
            VoiceModelCommand.class})
public final class CuddliesCli implements Runnable {

    /** Exit status for input the user can fix (a bad picture, a bad option). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The JDK's HTTP server waits for Nagle's algorithm (~40 ms a response) unless told not to.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length > 0 && args[0].equals("simulate")) {
            // The console shows Alexa's answers; the skill's JSON request log would bury them.
            System.setProperty("org.slf4j.simpleLogger.log.dev.cuddlies.skill.requests", "warn");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CuddliesCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("(try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError u) {
                err.println("error: " + u.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof IOException io) {
                err.println("error: " + io.getMessage());
                return 1;
            }
            err.println("error: something went wrong inside Cuddlies (" + e.getClass().getSimpleName()
                    + "); please report it");
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A failure caused by the user's input, reported as one plain line and exit status 2. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CuddliesCli.class.getPackage().getImplementationVersion();
            return new String[] {"cuddlies " + (v == null ? "dev" : v) + ", outline engine "
                    + dev.cuddlies.outline.OutlineEngine.VERSION};
        }
    }
}
