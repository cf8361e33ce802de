package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.Uploads;
import dev.cuddlies.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code upload FILE [--user ID] [--presign]}: puts a picture where "make a cuddlie" looks for it, in
 * the local folder or, with {@code CUDDLIES_BUCKET} set, in S3; or prints a short-lived upload link.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload a picture for a user (until the upload page exists).",
            "Local folder by default (CUDDLIES_HOME, ./cuddlies-data); S3 when CUDDLIES_BUCKET is set."})
final class UploadCommand implements Callable<Integer> {

    /** The user the local console speaks as. */
    static final String LOCAL_USER = "amzn1.ask.account.cuddlies-local-user";
    private static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the picture (PNG, JPEG, GIF, BMP, WebP)")
    private Path file;

    @Option(names = "--user", defaultValue = LOCAL_USER, description = "Alexa user id (default: the local console's user)")
    private String user;

    @Option(names = "--presign", description = "print a 5-minute upload URL for this file instead of uploading (S3 only)")
    private boolean presign;

    @Override
    public Integer call() {
        AppConfig config = AppConfig.fromEnv(System.getenv());
        Services services = Services.create(config, Clock.systemUTC());
        Uploads uploads = new Uploads(services.store(), services.userKeys(), Clock.systemUTC(),
                CuddlieMaker.Limits.defaults().maxPictureBytes());
        byte[] picture = Inputs.readPicture(file);
        long maxBytes = CuddlieMaker.Limits.defaults().maxPictureBytes();
        if (picture.length > maxBytes) {
            throw new UserError(file.getFileName() + " is larger than the " + maxBytes / 1_000_000 + " MB a picture may be");
        }
        if (presign) {
            // The link is for this very file: its size is signed, and it cannot replace an existing object.
            String key = uploads.keyFor(user, file.getFileName().toString());
            URI link = services.store().uploadLink(key, "application/octet-stream", picture.length, LINK_VALIDITY)
                    .orElseThrow(() -> new UserError("upload links need a bucket: set CUDDLIES_BUCKET"));
            spec.commandLine().getOut().println(link);
            spec.commandLine().getErr().println("valid for " + LINK_VALIDITY.toMinutes() + " minutes, for "
                    + file.getFileName() + " (" + picture.length + " bytes) only: curl -X PUT -H 'Content-Type: "
                    + "application/octet-stream' -H 'If-None-Match: *' --upload-file " + file.getFileName() + " '<url>'");
            return 0;
        }
        try {
            String key = uploads.put(user, file.getFileName().toString(), picture);
            spec.commandLine().getOut().println("uploaded " + file.getFileName() + " -> "
                    + config.bucket().map(b -> "s3://" + b + "/").orElse(config.dataDir() + "/") + key);
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UserError(file.getFileName() + ": " + e.getMessage());
        } catch (StorageException e) {
            throw new UserError("could not store the picture: " + e.getMessage());
        }
    }
}
