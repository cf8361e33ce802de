package dev.cuddlies.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resolves a {@code source-ref} to picture bytes. Only local files under one folder are resolvable:
 * {@code s3://} references need AWS, which the model has no part of, and a request must not be able
 * to read arbitrary files of the host.
 */
public final class SourceResolver {

    private final Path root;
    private final long maxBytes;

    private SourceResolver(Path root, long maxBytes) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** Resolves nothing: every {@code source-ref} is answered with an error record. */
    public static SourceResolver none() {
        return new SourceResolver(null, 0);
    }

    /** Resolves relative paths, {@code file:} URLs and absolute paths inside {@code root}. */
    public static SourceResolver under(Path root, long maxBytes) {
        return new SourceResolver(root, maxBytes);
    }

    /** @throws IOException with a plain message when the reference cannot be read */
    public byte[] resolve(String ref) throws IOException {
        if (ref.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            throw new IOException("s3:// references cannot be fetched here; send the picture bytes instead");
        }
        if (root == null) {
            throw new IOException("source-ref is not resolvable on this endpoint; send the picture as \"image\" (base64)");
        }
        String path = ref.startsWith("file://") ? ref.substring("file://".length()) : ref;
        Path file = root.resolve(path).toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            throw new IOException("source-ref points outside the input folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + ref);
        }
        if (Files.size(file) > maxBytes) {
            throw new IOException(ref + " is larger than " + maxBytes / (1024 * 1024) + " MB");
        }
        return Files.readAllBytes(file);
    }
}
