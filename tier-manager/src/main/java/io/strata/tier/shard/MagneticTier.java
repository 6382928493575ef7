package io.strata.tier.shard;

import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.StoredRecord;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.memory.TableReference;
import java.util.List;

/**
 * What the shard needs from the magnetic tier (segments, manifest, compaction — built in
 * {@code io.strata.tier.segment}/{@code io.strata.tier.magnetic}): the narrow hand-over between
 * the two tiers of one shard replica.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> the mutating calls ({@link #writeSegment}, {@link PendingSegment#publish},
 *       {@link #writeLate}, {@link #expire}, {@link #compact}, {@link #restore}) come from the
 *       shard's apply thread, one at a time, in Raft order. {@link #view()} may be called from any
 *       thread at any time.
 *   <li><b>Determinism:</b> the same commands in the same order produce the same segments and the
 *       same rows on every replica: segment names derive from the Raft index and partition, never
 *       from a clock or random numbers.
 *   <li><b>Idempotence:</b> the tier persists the Raft index of the last command it applied
 *       ({@link #appliedIndex()}). After a restart the shard replays its journal; it does not call
 *       the mutating methods again for indexes at or below {@link #appliedIndex()}.
 *   <li><b>Durability:</b> when a mutating call returns its effect survives a process crash.
 * </ul>
 */
public interface MagneticTier extends AutoCloseable {
    /** The Raft index of the last command whose effect this tier holds; -1 if none. */
    long appliedIndex();

    /**
     * Writes sealed memory rows of one partition (sorted per series, series in key order) as a
     * new segment; invisible until {@link PendingSegment#publish()}.
     */
    PendingSegment writeSegment(long raftIndex, PartitionId partition, List<SeriesRows> rows);

    /**
     * Stores records older than the memory window (late writes). Version conflicts with stored
     * rows are resolved here and reported to the table's rejected-data location, not to the
     * writer (Timestream reports magnetic rejections asynchronously). Visible to later views.
     */
    void writeLate(long raftIndex, TableReference table, long ingestTimeNanos, List<StoredRecord> records);

    /** Drops the partition's rows with time before {@code beforeNanos}. */
    void expire(long raftIndex, PartitionId partition, long beforeNanos);

    /** Rewrites the partition's segments into segments of about {@code targetSegmentBytes}, same rows. */
    void compact(long raftIndex, PartitionId partition, long targetSegmentBytes);

    /** The current published state. */
    MagneticView view();

    /**
     * A small reference to the current manifest (it names every live segment), recorded in the
     * shard's snapshots. Readable from another replica through the shared or copied blob store.
     */
    String manifestReference();

    /**
     * Replaces the whole tier by the manifest {@code manifestReference} names (a snapshot from
     * another replica): copies the segments it lists into this replica's blob store when the
     * replica has its own, then publishes that manifest.
     */
    void restore(String manifestReference);

    @Override
    void close();
}
