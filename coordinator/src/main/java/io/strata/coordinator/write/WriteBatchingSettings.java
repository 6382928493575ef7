package io.strata.coordinator.write;

/**
 * How a coordinator combines concurrent writes bound for the same Raft group (and table) into one
 * Raft entry: fewer, bigger entries share one append, one replication round and one log force.
 *
 * <p>There is no timer: a write waits only while {@code maxEntriesInFlight} entries of its group
 * are already being replicated, and the writes that arrive meanwhile leave together in the next
 * entry. An idle cluster therefore sends each write at once, and a busy one batches as much as its
 * Raft round trip lets pile up (the linger is one commit round, bounded by the entry limits).
 *
 * @param maxRecordsPerEntry a write joins an entry only while the entry stays within this many
 *     records; a single write with more still travels alone, never split
 * @param maxBytesPerEntry the same bound on the encoded records; must stay well under the Raft
 *     log's largest entry ({@code RaftLogWriteSettings.appenderBufferBytes})
 * @param maxEntriesInFlight entries of one group (and table) being replicated at once; more writes
 *     wait and are combined
 */
public record WriteBatchingSettings(int maxRecordsPerEntry, long maxBytesPerEntry, int maxEntriesInFlight) {

    public WriteBatchingSettings {
        if (maxRecordsPerEntry < 1) {
            throw new IllegalArgumentException("maxRecordsPerEntry must be >= 1: " + maxRecordsPerEntry);
        }
        if (maxBytesPerEntry < 1 || maxBytesPerEntry > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("maxBytesPerEntry must be in 1..16 MiB: " + maxBytesPerEntry);
        }
        if (maxEntriesInFlight < 1 || maxEntriesInFlight > 128) {
            throw new IllegalArgumentException("maxEntriesInFlight must be in 1..128: " + maxEntriesInFlight);
        }
    }

    /** The setting the replicated-ingest sweep found best; see BENCHMARKS.md "Replicated ingest". */
    public static WriteBatchingSettings defaults() {
        return new WriteBatchingSettings(2_000, 1024 * 1024, 2);
    }

    /** One entry per write and group, sent at once: the behaviour before writes were combined. */
    public static WriteBatchingSettings unbatched() {
        return new WriteBatchingSettings(1, 1, 128);
    }
}
