package dev.cuddlies.storage;

import dev.cuddlies.storage.StorageException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder standing in for the bucket: keys are relative paths. Writes go to a temporary name and
 * are moved into place, so a reader never sees half a file.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Optional<URI> publicBase;

    public LocalBlobStore(Path root) {
        this(root, Optional.empty());
    }

    /**
     * @param publicBase where the folder is published over HTTPS (a self-hosted server), so links
     *                   can go on Alexa cards; without it links are {@code file:} URIs
     */
    public LocalBlobStore(Path root, Optional<URI> publicBase) {
        this.root = root.toAbsolutePath().normalize();
        this.publicBase = publicBase.map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
    }

    /** The file behind a key; keys never leave the root. */
    public Path pathOf(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.isBlank()) {
            throw new IllegalArgumentException("bad key: " + key);
        }
        return p;
    }

    @Override
    public List<StoredObject> list(String prefix, Duration timeout) throws StorageException {
        // "uploads/abc/" lists that folder; "uploads/ab" lists uploads/ and filters by the prefix.
        Path dir = prefix.endsWith("/") ? pathOf(prefix.substring(0, prefix.length() - 1))
                : prefix.contains("/") ? pathOf(prefix).getParent() : root;
        List<StoredObject> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !p.getFileName().toString().startsWith(".")) {
                    out.add(new StoredObject(key, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot list " + prefix, e);
        }
        return out;
    }

    @Override
    public byte[] get(String key, long maxBytes, Duration timeout) throws StorageException {
        Path p = pathOf(key);
        try {
            if (Files.size(p) > maxBytes) {
                throw new StorageException(Kind.TOO_LARGE, key + " is larger than " + maxBytes + " bytes", null);
            }
            try (InputStream in = Files.newInputStream(p)) {
                return in.readNBytes((int) maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw new StorageException(Kind.NOT_FOUND, key + " is not there", e);
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot read " + key, e);
        }
    }

    @Override
    public void put(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        Path p = pathOf(key);
        try {
            Path tmp = tempBeside(p);
            try {
                Files.write(tmp, data);
                try {
                    Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot write " + key, e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        Path p = pathOf(key);
        try {
            Path tmp = tempBeside(p);
            try {
                Files.write(tmp, data);
                // A hard link is created atomically and never replaces an existing file.
                Files.createLink(p, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot write " + key, e);
        }
    }

    /** A temporary file in the target's folder; the folder may vanish once under a concurrent delete. */
    private static Path tempBeside(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Files.createDirectories(target.getParent());
            try {
                return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            } catch (NoSuchFileException removedMeanwhile) {
                if (attempt > 0) {
                    throw removedMeanwhile;
                }
            }
        }
    }

    @Override
    public void delete(String key, Duration timeout) throws StorageException {
        try {
            Path p = pathOf(key);
            Files.deleteIfExists(p);
            // Folders named after a user go with their last file, as prefixes do in a bucket; the
            // top-level folders (uploads/, patterns/…) stay.
            for (Path dir = p.getParent(); dir != null && !root.equals(dir.getParent()) && !dir.equals(root);
                 dir = dir.getParent()) {
                try {
                    Files.deleteIfExists(dir);
                } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot delete " + key, e);
        }
    }

    @Override
    public Optional<URI> readLink(String key, Duration validity) {
        Path p = pathOf(key);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        return Optional.of(publicBase.map(base -> base.resolve(key)).orElse(p.toUri()));
    }

    @Override
    public Optional<URI> uploadLink(String key, String contentType, long exactBytes, Duration validity) {
        return Optional.empty();
    }
}
