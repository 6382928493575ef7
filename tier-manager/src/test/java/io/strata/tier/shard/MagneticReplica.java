package io.strata.tier.shard;

import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.magnetic.MagneticStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A shard replica for tests: a real {@link ShardStore} over a {@link BlobMagneticTier} on real blobs. */
final class MagneticReplica implements AutoCloseable {
    final Path root;
    final BlobMagneticTier magnetic;
    final ShardStore store;

    private MagneticReplica(Path root, BlobStore blobs, MagneticStoreOptions options) {
        this.root = root;
        this.magnetic = new BlobMagneticTier(blobs, ShardStores.LAYOUT, options);
        this.store = ShardStores.open(ShardStores.configuration(root.resolve("data"), magnetic));
    }

    /** A replica with its blobs in a local directory under {@code root}. */
    static MagneticReplica local(Path root) {
        return local(root, MagneticStoreOptions.DEFAULT.withBlockRows(64));
    }

    static MagneticReplica local(Path root, MagneticStoreOptions options) {
        return new MagneticReplica(root, new LocalDirectoryBlobStore(root.resolve("blobs")), options);
    }

    static MagneticReplica on(Path root, BlobStore blobs) {
        return new MagneticReplica(root, blobs, MagneticStoreOptions.DEFAULT.withBlockRows(64));
    }

    Path blobRoot() {
        return root.resolve("blobs");
    }

    /** Every object under {@code magnetic/} of a local replica: relative path → bytes. */
    Map<String, byte[]> magneticFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        Path magneticRoot = blobRoot().resolve("magnetic");
        if (!Files.isDirectory(magneticRoot)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(magneticRoot)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(magneticRoot.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        store.close();
    }
}
