package dev.cuddlies.batch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pack --input DIR|LIST.lst --output PREFIX}: pictures into PREFIX.rec + PREFIX.idx, like im2rec. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Pack a folder of pictures (subfolders = labels) or a .lst listing into MXNet RecordIO "
                + "(PREFIX.rec, PREFIX.idx, and PREFIX.lst for a folder), as batch input.")
public final class PackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|LIST.lst")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "PREFIX", description = "e.g. out/pictures")
    private Path prefix;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(input)) {
            spec.commandLine().getErr().println("error: no such file or folder: " + input);
            return 2;
        }
        Packer.Result result = Packer.pack(input, prefix);
        result.skipped().forEach(s -> spec.commandLine().getOut().println("  skipped " + s));
        spec.commandLine().getOut().printf("pack: %d pictures -> %s.rec, %s.idx%n", result.packed(), prefix, prefix);
        return 0;
    }
}
