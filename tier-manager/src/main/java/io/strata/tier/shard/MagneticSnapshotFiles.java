package io.strata.tier.shard;

import io.strata.core.error.InternalServerException;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves magnetic-tier objects between a blob store and a snapshot directory, one file per object
 * at the path of its key. For a {@link LocalDirectoryBlobStore} the files are hard links (segments
 * are immutable, so a link is as good as a copy and costs no bytes); otherwise the bytes go through
 * the store. Stateless.
 */
final class MagneticSnapshotFiles {
    private MagneticSnapshotFiles() {
    }

    /** Writes the objects {@code keys} of {@code store} as files under {@code directory}. */
    static void export(BlobStore store, List<BlobKey> keys, Path directory) {
        try {
            for (BlobKey key : keys) {
                Path target = directory.resolve(key.value());
                Files.createDirectories(target.getParent());
                if (store instanceof LocalDirectoryBlobStore local && link(local.root().resolve(key.value()), target)) {
                    continue;
                }
                Files.write(target, store.get(key));
            }
        } catch (IOException e) {
            throw new InternalServerException("Cannot export the magnetic tier to " + directory + ": " + e, e);
        }
    }

    /** The keys of the files under {@code directory}, sorted. */
    static List<BlobKey> keysIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<BlobKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                keys.add(BlobKey.of(directory.relativize(file).toString().replace('\\', '/')));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InternalServerException("Cannot list the magnetic files of snapshot " + directory + ": " + e, e);
        }
        return keys;
    }

    /**
     * Stores the file of {@code key} under {@code directory} into {@code store}, unless the store
     * holds an object of the same length there already: keys derive from the partition and the
     * Raft index, so an object under the same key has the same bytes.
     */
    static void importFile(BlobStore store, Path directory, BlobKey key) {
        Path file = directory.resolve(key.value());
        try {
            long length = Files.size(file);
            if (store.exists(key) && store.size(key) == length) {
                return;
            }
            if (store instanceof LocalDirectoryBlobStore local) {
                Path target = local.root().resolve(key.value());
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                if (link(file, target)) {
                    return;
                }
            }
            try (InputStream input = Files.newInputStream(file)) {
                store.put(key, input, length);
            }
        } catch (IOException e) {
            throw new InternalServerException("Cannot restore " + key + " from snapshot " + directory + ": " + e, e);
        }
    }

    private static boolean link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // another file system: copy instead
        }
    }
}
