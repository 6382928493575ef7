package io.strata.raft.shard;

import io.strata.raft.GroupId;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.blob.S3BlobStore;
import io.strata.tier.blob.S3BlobStoreConfiguration;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where each replica keeps its magnetic tier: a blob store of its own (the magnetic store deletes
 * what its manifests do not list, so two replicas must never share one).
 *
 * <p><b>Contract:</b> called once per replica open, from the thread Ratis opens the group on (several
 * groups may open at once); each call returns a new store, which the replica closes with itself.
 */
@FunctionalInterface
public interface MagneticBlobStores {
    /** The directory under a replica's data directory that holds its local blobs. */
    String LOCAL_DIRECTORY = "magnetic-blobs";

    BlobStore open(GroupId group, Path dataDirectory);

    /** The default: a local directory inside the replica's data directory (removed with the group). */
    static MagneticBlobStores localDirectories() {
        return (group, dataDirectory) -> new LocalDirectoryBlobStore(dataDirectory.resolve(LOCAL_DIRECTORY));
    }

    /**
     * An S3(-compatible) bucket, each replica under {@code <configured prefix><replica>/<group>/}:
     * {@code replica} names this node (unique in the cluster, stable across restarts).
     */
    static MagneticBlobStores s3(S3BlobStoreConfiguration configuration, String replica) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(replica, "replica");
        return (group, dataDirectory) -> S3BlobStore.open(configuration.withKeyPrefix(
                configuration.keyPrefix() + replica + "/" + group.uuid() + "/"));
    }
}
