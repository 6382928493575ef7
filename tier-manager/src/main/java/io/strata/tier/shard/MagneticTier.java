package io.strata.tier.shard;

import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
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
     * writer (Timestream reports magnetic rejections asynchronously) under the rejected-data location
     * in {@code settings}. Visible to later views.
     */
    void writeLate(long raftIndex, TableReference table, long ingestTimeNanos, TableWriteSettings settings,
            List<StoredRecord> records);

    /** Drops the partition's rows with time before {@code beforeNanos}. */
    void expire(long raftIndex, PartitionId partition, long beforeNanos);

    /** Rewrites the partition's segments into segments of about {@code targetSegmentBytes}, same rows. */
    void compact(long raftIndex, PartitionId partition, long targetSegmentBytes);

    /** The current published state. */
    MagneticView view();

    /**
     * The live segments and their bytes, for operators. Cheap after the first call (which may list
     * the blob store); safe from any thread.
     */
    io.strata.tier.magnetic.MagneticUsage usage();

    /**
     * A small reference to the current state (it names what {@link #exportTo} writes), recorded in
     * the shard's snapshots.
     */
    String manifestReference();

    /**
     * Writes the files of the current state (every live segment and the manifests that list them)
     * under the empty directory {@code directory}, so that a snapshot holding them rebuilds this
     * state on a replica with a blob store of its own. Hard links where the blob store is a local
     * directory (segments never change, so a link is as good as a copy). Called on the apply thread
     * between two mutating calls.
     */
    void exportTo(java.nio.file.Path directory);

    /**
     * Replaces the whole tier by the state {@link #exportTo} wrote into {@code directory} (a
     * snapshot, possibly from another replica) with reference {@code manifestReference}: stores the
     * files into this replica's blob store and forgets what they do not list. Does nothing when
     * this tier already holds that state or a later one (the same log brought it further), so it
     * is safe to call again after a crash and on every open. Called with no scan reading the tier.
     */
    void restore(java.nio.file.Path directory, String manifestReference);

    @Override
    void close();
}
