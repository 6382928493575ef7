package io.strata.tier.blob;

import io.strata.core.error.ConflictException;
import io.strata.core.error.InternalServerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link BlobStore} on a local directory: key {@code a/b/c} is the file {@code root/a/b/c}.
 *
 * <p>A put writes a temporary file next to the target ({@code .put-*.tmp}, invisible to
 * {@link #list} because keys never start a segment with {@code .}), fsyncs it, renames it over the
 * target (atomic on POSIX filesystems) and fsyncs the directory, so a crash leaves the old object or
 * the new one, and a returned put survives a power loss. A crash mid-put can leave a temporary file
 * behind; it is never read. A delete removes directories it leaves empty, so retention does not
 * accumulate empty partition folders.
 */
public final class LocalDirectoryBlobStore implements BlobStore {
    /** A put racing a delete can lose its freshly created directory; that many retries is plenty. */
    private static final int DIRECTORY_RACE_ATTEMPTS = 8;

    private final Path root;

    public LocalDirectoryBlobStore(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            this.root = Files.createDirectories(root).toRealPath();
        } catch (IOException e) {
            throw new InternalServerException("Cannot create the blob store directory '" + root + "': " + e, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(BlobKey key, byte[] content) {
        Objects.requireNonNull(content, "content");
        put(key, new ByteArrayInputStream(content), content.length);
    }

    @Override
    public void put(BlobKey key, InputStream content, long length) {
        Objects.requireNonNull(content, "content");
        BlobStoreErrors.requireValidLength(key, length);
        Path target = pathOf(key);
        Path directory = target.getParent();
        Path temporary = createTemporaryFile(key, directory);
        ExactLengthInputStream exact = new ExactLengthInputStream(content, length);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                exact.transferTo(out);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory);
        } catch (IOException e) {
            deleteQuietly(temporary);
            if (exact.mismatch() != null) {
                throw BlobStoreErrors.lengthMismatch(key, exact.mismatch(), e);
            }
            if (Files.isDirectory(target)) {
                throw new ConflictException("Cannot put blob '" + key + "': other blobs exist under '" + key
                        + "/'; a key cannot also be a prefix directory.", e);
            }
            throw ioFailure("put", key, e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    @Override
    public byte[] get(BlobKey key) {
        Path path = pathOf(key);
        try {
            if (!Files.isRegularFile(path)) {
                throw BlobStoreErrors.notFound(key);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw BlobStoreErrors.notFound(key);
        } catch (IOException e) {
            throw ioFailure("get", key, e);
        }
    }

    @Override
    public byte[] getRange(BlobKey key, long offset, int length) {
        BlobStoreErrors.requireValidRange(key, offset, length);
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw BlobStoreErrors.notFound(key);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset + length > size) {
                throw BlobStoreErrors.rangeOutside(key, offset, length, size);
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw BlobStoreErrors.rangeOutside(key, offset, length, offset + buffer.position());
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw BlobStoreErrors.notFound(key);
        } catch (IOException e) {
            throw ioFailure("read a range of", key, e);
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public long size(BlobKey key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(pathOf(key), BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw BlobStoreErrors.notFound(key);
            }
            return attributes.size();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw BlobStoreErrors.notFound(key);
        } catch (IOException e) {
            throw ioFailure("read the size of", key, e);
        }
    }

    @Override
    public List<BlobKey> list(String prefix) {
        BlobKey.requireValidPrefix(prefix);
        int lastSlash = prefix.lastIndexOf('/');
        Path start = lastSlash < 0 ? root : root.resolve(prefix.substring(0, lastSlash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<BlobKey> keys = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    if (!directory.equals(start) && directory.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        String key = relativeKey(file);
                        if (key.startsWith(prefix) && BlobKey.isValid(key)) {
                            keys.add(new BlobKey(key));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // Deleted while we walk: a listing is not a snapshot, skip it.
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new InternalServerException("Cannot list blobs under '" + prefix + "' in " + root + ": " + e, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(BlobKey key) {
        Path path = pathOf(key);
        try {
            if (Files.isDirectory(path)) {
                return; // not a blob; the blobs under it are separate keys
            }
            if (Files.deleteIfExists(path)) {
                removeEmptyDirectories(path.getParent());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // already gone, or a parent is a blob file: either way the key does not exist
        } catch (IOException e) {
            throw ioFailure("delete", key, e);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "LocalDirectoryBlobStore[" + root + "]";
    }

    private Path pathOf(BlobKey key) {
        return root.resolve(key.value());
    }

    private String relativeKey(Path file) {
        Path relative = root.relativize(file);
        return relative.getFileSystem().getSeparator().equals("/")
                ? relative.toString()
                : relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private Path createTemporaryFile(BlobKey key, Path directory) {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(directory);
                return Files.createTempFile(directory, ".put-", ".tmp");
            } catch (NoSuchFileException e) {
                // A concurrent delete removed the directory between the two calls: create it again.
                if (attempt == DIRECTORY_RACE_ATTEMPTS) {
                    throw ioFailure("put", key, e);
                }
            } catch (FileAlreadyExistsException | NotDirectoryException e) {
                throw new ConflictException("Cannot put blob '" + key + "': a blob exists at a parent of this key;"
                        + " a key cannot also be a prefix directory.", e);
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                    throw new ConflictException("Cannot put blob '" + key + "': a blob exists at a parent of this"
                            + " key; a key cannot also be a prefix directory.", e);
                }
                throw ioFailure("put", key, e);
            } catch (IOException e) {
                throw ioFailure("put", key, e);
            }
        }
    }

    private void removeEmptyDirectories(Path directory) {
        Path current = directory;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return; // tidiness only: a leftover empty directory is harmless
            }
            current = current.getParent();
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        // Makes the rename itself durable; without it a power loss can undo a returned put.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray temporary file is never read; nothing more to do
        }
    }

    private InternalServerException ioFailure(String action, BlobKey key, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied" : e.toString();
        return new InternalServerException("Cannot " + action + " blob '" + key + "' in " + root + ": " + reason, e);
    }
}
