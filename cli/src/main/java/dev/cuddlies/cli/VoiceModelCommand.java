package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import dev.cuddlies.voice.ModelSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code voice-model}: writes every locale's interaction model from the one source
 * {@code voice/interaction-model.yaml} into {@code skill-package/interactionModels/custom/}.
 */
@Command(name = "voice-model", mixinStandardHelpOptions = true,
        description = "Generate the interaction model of every locale from voice/interaction-model.yaml.")
final class VoiceModelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", defaultValue = "voice/interaction-model.yaml", description = "the source (default: ${DEFAULT-VALUE})")
    private Path sourceFile;

    @Option(names = "--out", defaultValue = "skill-package/interactionModels/custom",
            description = "folder to write into (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException {
        ModelSource source;
        try {
            source = ModelSource.read(sourceFile);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + sourceFile);
        }
        for (String locale : source.locales().keySet()) {
            String text;
            try {
                text = source.modelText(locale);
            } catch (IllegalArgumentException e) {
                throw new UserError(sourceFile + ": " + e.getMessage());
            }
            Path file = out.resolve(locale + ".json");
            AtomicOutput.writeFile(file, text.getBytes(StandardCharsets.UTF_8));
            Map<String, Integer> counts = ModelSource.sampleCounts(source.model(locale));
            spec.commandLine().getOut().printf("wrote %s (%d samples)%n", file,
                    counts.values().stream().mapToInt(Integer::intValue).sum());
        }
        return 0;
    }
}
