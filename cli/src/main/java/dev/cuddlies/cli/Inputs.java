package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the user's files with a size limit, so a huge file is refused before it fills memory. */
final class Inputs {

    /** Larger files are refused before reading: 40 MP compresses to far less than this. */
    static final long MAX_PICTURE_BYTES = 100L * 1024 * 1024;

    private Inputs() {
    }

    static byte[] readPicture(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new UserError(path + " is a folder, not a picture");
            }
            long size = Files.size(path);
            if (size > MAX_PICTURE_BYTES) {
                throw new UserError(path + " is too large (" + size / (1024 * 1024) + " MB); the limit is "
                        + MAX_PICTURE_BYTES / (1024 * 1024) + " MB");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes((int) MAX_PICTURE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + path);
        } catch (IOException e) {
            throw new UserError("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
