package io.strata.raft.shard;

import io.strata.tier.journal.JournalConfiguration;
import io.strata.tier.shard.ShardConfiguration;
import java.time.Clock;
import java.util.Objects;
import net.openhft.chronicle.queue.RollCycle;

/**
 * How a node opens the {@link io.strata.tier.shard.ShardStore} of each replica it hosts.
 *
 * @param memoryLimitBytes each replica's memory-store limit
 * @param journalRollCycle how often a replica's command journal starts a new file; a snapshot drops
 *     the files before the current one, so a shorter cycle keeps the journal closer to the snapshot
 * @param journalClock names journal files only; never read by apply
 * @param blobStores where each replica keeps its magnetic tier (a local directory by default)
 */
public record ShardStoreSettings(long memoryLimitBytes, RollCycle journalRollCycle, Clock journalClock,
        MagneticBlobStores blobStores) {
    public ShardStoreSettings {
        Objects.requireNonNull(journalRollCycle, "journalRollCycle");
        Objects.requireNonNull(journalClock, "journalClock");
        Objects.requireNonNull(blobStores, "blobStores");
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimitBytes must be positive, was " + memoryLimitBytes);
        }
    }

    /** Magnetic tier in a local directory per replica. */
    public ShardStoreSettings(long memoryLimitBytes, RollCycle journalRollCycle, Clock journalClock) {
        this(memoryLimitBytes, journalRollCycle, journalClock, MagneticBlobStores.localDirectories());
    }

    /** The store's defaults: 1 GiB of memory store, hourly journal files, local magnetic blobs per replica. */
    public static ShardStoreSettings defaults() {
        return new ShardStoreSettings(ShardConfiguration.DEFAULT_MEMORY_LIMIT_BYTES,
                JournalConfiguration.DEFAULT_ROLL_CYCLE, Clock.systemUTC());
    }

    public ShardStoreSettings withMemoryLimitBytes(long bytes) {
        return new ShardStoreSettings(bytes, journalRollCycle, journalClock, blobStores);
    }

    public ShardStoreSettings withJournalRollCycle(RollCycle rollCycle) {
        return new ShardStoreSettings(memoryLimitBytes, rollCycle, journalClock, blobStores);
    }

    public ShardStoreSettings withBlobStores(MagneticBlobStores stores) {
        return new ShardStoreSettings(memoryLimitBytes, journalRollCycle, journalClock, stores);
    }
}
