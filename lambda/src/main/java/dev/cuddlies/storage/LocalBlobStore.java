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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A folder standing in for the bucket: keys are relative paths. Writes go to a temporary name and
 * are moved into place, so a reader never sees half a file. A conditional write holds a lock on a
 * hidden {@code .<name>.lock} file beside the object (other processes) and a lock per key (other
 * threads) while it compares versions and moves the new file in; the version is the SHA-256 of the
 * content.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Optional<URI> publicBase;
    /** One lock per file for the whole JVM: a file lock cannot be held twice by one process. */
    private static final ConcurrentHashMap<Path, ReentrantLock> KEY_LOCKS = new ConcurrentHashMap<>();

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
    public Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) throws StorageException {
        try {
            byte[] data = get(key, maxBytes, timeout);
            return Optional.of(new Versioned(data, versionOf(data)));
        } catch (StorageException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion,
                               Duration timeout) throws StorageException {
        Path p = pathOf(key);
        ReentrantLock inProcess = KEY_LOCKS.computeIfAbsent(p, k -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(p.getParent());
            Path lockFile = p.resolveSibling("." + p.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<String> current = Files.exists(p) ? Optional.of(versionOf(Files.readAllBytes(p))) : Optional.empty();
                if (!current.equals(expectedVersion)) {
                    throw new StorageException(Kind.CONFLICT, key + " changed since it was read", null);
                }
                put(key, data, contentType, timeout);
                return versionOf(data);
            }
        } catch (IOException e) {
            throw new StorageException(Kind.UNAVAILABLE, "cannot write " + key, e);
        } finally {
            inProcess.unlock();
        }
    }

    private static String versionOf(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
