package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import dev.cuddlies.infra.Genome;
import dev.cuddlies.infra.GenomeException;
import dev.cuddlies.infra.GenomeReader;
import dev.cuddlies.infra.SkillStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code infra --genome infrastructure/taskoid.json}: transcribes the genome into
 * {@code infrastructure/cfn-deployer/skill-stack.yaml}, the one description of the stack (the ASK CLI
 * and {@code infrastructure/deploy.sh} both deploy that file).
 */
@Command(name = "infra", mixinStandardHelpOptions = true,
        description = "Transcribe the deployment genome into the CloudFormation template.")
final class InfraCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--genome", defaultValue = "infrastructure/taskoid.json", description = "the genome (default: ${DEFAULT-VALUE})")
    private Path genomeFile;

    @Option(names = "--out", defaultValue = "infrastructure", description = "folder to write into (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Genome genome;
        try {
            genome = GenomeReader.read(genomeFile);
        } catch (GenomeException e) {
            throw new UserError(genomeFile + ":\n  " + String.join("\n  ", e.problems()));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("no such file: " + genomeFile);
        }
        Path template = out.resolve("cfn-deployer/skill-stack.yaml");
        AtomicOutput.writeFile(template, SkillStack.yaml(genome).getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("wrote " + template);
        return 0;
    }
}
