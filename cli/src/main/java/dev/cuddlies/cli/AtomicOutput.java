package dev.cuddlies.cli;

import dev.cuddlies.cli.CuddliesCli.UserError;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes outputs so that a failure leaves nothing half-written: everything goes to a temporary name
 * beside the target first, then is moved into place.
 */
final class AtomicOutput {

    private AtomicOutput() {
    }

    static void writeFile(Path target, byte[] content) {
        Path dir = parentOf(target);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
            try {
                Files.write(tmp, content);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + target + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes a set of files into a folder: all of them appear, or none do. */
    static void writeFolder(Path folder, Map<String, byte[]> files) {
        Path parent = parentOf(folder);
        Path staging = null;
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new UserError(folder + " exists and is not a folder");
            }
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + folder.getFileName() + ".partial");
            readableByAll(staging);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(staging.resolve(f.getKey()), f.getValue());
            }
            if (!Files.exists(folder) || isEmptyFolder(folder)) {
                Files.deleteIfExists(folder);
                move(staging, folder);
            } else {
                for (String name : files.keySet()) {
                    move(staging.resolve(name), folder.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot write the pattern to " + folder + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Temporary folders are private; a pattern folder is an ordinary one. */
    private static void readableByAll(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden staging folder is harmless
        }
    }
}
