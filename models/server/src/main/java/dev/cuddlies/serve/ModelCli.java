package dev.cuddlies.serve;

import dev.cuddlies.batch.BatchCommand;
import dev.cuddlies.batch.PackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the models jar in the container image: {@code serve}, {@code batch}, {@code pack}. */
@Command(name = "cuddlies-models", mixinStandardHelpOptions = true,
        description = "The Cuddlies outline model: SageMaker server and batch tools.",
        subcommands = {ServeCommand.class, BatchCommand.class, PackCommand.class})
public final class ModelCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new ModelCli());
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("error: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
