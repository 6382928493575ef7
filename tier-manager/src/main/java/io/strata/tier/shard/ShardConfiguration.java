package io.strata.tier.shard;

import io.strata.tier.journal.JournalConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import net.openhft.chronicle.queue.RollCycle;

/**
 * How to open one shard replica's storage.
 *
 * @param dataDirectory the replica's own directory: journal and local snapshot live under it
 * @param memoryLimitBytes the memory store's limit ({@link io.strata.tier.memory.MemoryUsage#bytes()})
 * @param layout the table partitioning, for seals and expiry
 * @param magnetic the magnetic tier; empty until one is wired: late records are then rejected as if
 *     the table had magnetic writes disabled and seals keep the rows in memory
 * @param journalRollCycle how often the journal starts a new file (what a snapshot can drop)
 * @param journalClock names the journal's files only; never consulted by apply
 */
public record ShardConfiguration(Path dataDirectory, long memoryLimitBytes, PartitionLayout layout,
        Optional<MagneticTier> magnetic, RollCycle journalRollCycle, Clock journalClock) {
    /** 1 GiB: a shard's share of a node's heap when a node hosts a handful of shards. */
    public static final long DEFAULT_MEMORY_LIMIT_BYTES = 1L << 30;

    public ShardConfiguration {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(magnetic, "magnetic");
        Objects.requireNonNull(journalRollCycle, "journalRollCycle");
        Objects.requireNonNull(journalClock, "journalClock");
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimitBytes must be positive, was " + memoryLimitBytes);
        }
    }

    public static ShardConfiguration of(Path dataDirectory, PartitionLayout layout, MagneticTier magnetic) {
        return new ShardConfiguration(dataDirectory, DEFAULT_MEMORY_LIMIT_BYTES, layout, Optional.ofNullable(magnetic),
                JournalConfiguration.DEFAULT_ROLL_CYCLE, Clock.systemUTC());
    }

    public ShardConfiguration withMemoryLimitBytes(long limit) {
        return new ShardConfiguration(dataDirectory, limit, layout, magnetic, journalRollCycle, journalClock);
    }

    public ShardConfiguration withJournal(RollCycle rollCycle, Clock clock) {
        return new ShardConfiguration(dataDirectory, memoryLimitBytes, layout, magnetic, rollCycle, clock);
    }

    JournalConfiguration journalConfiguration() {
        return new JournalConfiguration(dataDirectory.resolve("journal"), journalRollCycle, journalClock);
    }
}
