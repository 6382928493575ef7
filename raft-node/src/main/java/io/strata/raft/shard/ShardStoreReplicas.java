package io.strata.raft.shard;

import io.strata.raft.GroupId;
import io.strata.raft.statemachine.ReplicatedShard;
import io.strata.raft.statemachine.ReplicatedShardFactory;
import io.strata.tier.shard.BlobMagneticTier;
import io.strata.tier.shard.PartitionLayout;
import io.strata.tier.shard.ShardConfiguration;
import io.strata.tier.shard.ShardStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a {@link ShardStoreReplica} in each group's data directory and remembers the open ones,
 * so a node can read (and tests can compare) what each of its replicas holds.
 *
 * <p>Each replica has its magnetic tier ({@link BlobMagneticTier}) on a blob store of its own
 * ({@link ShardStoreSettings#blobStores()}): seals move rows into segments, late records go there
 * when the table allows magnetic writes, and snapshots carry the segments to lagging replicas.
 *
 * <p>Thread-safe: Ratis opens groups from several threads.
 */
public final class ShardStoreReplicas implements ReplicatedShardFactory {
    private final ShardStoreSettings settings;
    private final PartitionLayout layout = new SeriesPartitionLayout();
    private final Map<GroupId, ShardStoreReplica> open = new ConcurrentHashMap<>();

    public ShardStoreReplicas(ShardStoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public ReplicatedShard open(GroupId groupId, Path dataDirectory) throws IOException {
        BlobMagneticTier magnetic = new BlobMagneticTier(settings.blobStores().open(groupId, dataDirectory), layout);
        ShardConfiguration configuration = ShardConfiguration.of(dataDirectory, layout, magnetic)
                .withMemoryLimitBytes(settings.memoryLimitBytes())
                .withJournal(settings.journalRollCycle(), settings.journalClock());
        ShardStoreReplica replica;
        try {
            replica = new ShardStoreReplica(ShardStore.open(configuration));
        } catch (IOException | RuntimeException e) {
            magnetic.close();
            throw e;
        }
        open.put(groupId, replica);
        return replica;
    }

    /** The replica of {@code groupId} this node opened last, if any. */
    public Optional<ShardStoreReplica> replica(GroupId groupId) {
        return Optional.ofNullable(open.get(groupId));
    }
}
