package io.strata.raft.shard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.strata.core.error.ValidationException;
import io.strata.internal.v1.ShardCommand;
import io.strata.raft.query.ReadBarrier;
import io.strata.raft.statemachine.ReplicatedShard;
import io.strata.tier.memory.MemoryUsage;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import io.strata.tier.shard.ShardStatistics;
import io.strata.tier.shard.ShardStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One replica of a shard as its Raft group drives it: a {@link ShardStore} (memory store journaled
 * to Chronicle Queue, magnetic hand-over, snapshots) behind the {@link ReplicatedShard} contract.
 *
 * <p>Apply hands the store the raw command bytes with their Raft index, so the journal holds
 * exactly what the log held and indexes the store already applied (journal replay after a
 * restart) answer the same result again instead of applying twice. The reply of a write is the
 * serialized {@link io.strata.internal.v1.WriteBatchResult}, empty for the other commands.
 *
 * <p>Threading follows {@link ReplicatedShard}: apply, snapshot, install and close come from the
 * state machine one at a time; {@link #validate}, {@link #query} and {@link #scan} run on other
 * threads at the same time and only parse or take the store's scans, which are safe alongside apply.
 */
public final class ShardStoreReplica implements ReplicatedShard {
    private final ShardStore store;

    public ShardStoreReplica(ShardStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Rejects, before anything is replicated, what every replica would refuse to apply: bytes that are
     * not a protobuf message, or a command of no kind this version knows. Only the top level is read:
     * this runs on the leader for every entry, and parsing a write's records here would decode each
     * record once more than apply does. A command whose inner message is malformed is still refused,
     * alike on every replica, when apply parses it.
     */
    @Override
    public void validate(byte[] command) {
        boolean known = false;
        try {
            CodedInputStream input = CodedInputStream.newInstance(command);
            for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                known |= WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED
                        && ShardCommand.CommandCase.forNumber(field) != null
                        && field != ShardCommand.CommandCase.COMMAND_NOT_SET.getNumber();
                if (!input.skipField(tag)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ValidationException("The shard command is not a ShardCommand: " + e.getMessage());
        }
        if (!known) {
            throw new ValidationException("The shard command carries no command this version knows.");
        }
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        return store.apply(index, command);
    }

    /**
     * Answers a {@link ReadBarrier} with the last applied index (query fragments then scan this
     * replica's store directly), or a {@link ShardScanQuery} request with the scanned batches; see
     * those classes for the formats. The two cannot be confused: a barrier is a fixed ASCII text,
     * a scan request starts with its format version.
     */
    @Override
    public byte[] query(byte[] request) {
        if (ReadBarrier.isRequest(request)) {
            return ReadBarrier.answer(store.lastAppliedIndex());
        }
        return ShardScanQuery.answer(request, store::scan);
    }

    /** Scans this replica's local state as it is now (no read barrier): for diagnostics and tests. */
    public ShardScan scan(ScanRequest request) {
        return store.scan(request);
    }

    /** What this replica's memory store holds now (rows not yet sealed into the magnetic tier): for diagnostics and tests. */
    public MemoryUsage memoryUsage() {
        return store.memoryUsage();
    }

    /** The Raft index of the last command this replica applied; -1 before the first. */
    public long lastAppliedIndex() {
        return store.lastAppliedIndex();
    }

    /** What this replica holds, for operators: read from any thread, never blocks. */
    public ShardStatistics statistics() {
        return store.statistics();
    }

    @Override
    public void snapshot(long index, Path directory) throws IOException {
        store.snapshot(index, directory);
    }

    @Override
    public void installSnapshot(Path directory) throws IOException {
        store.installSnapshot(directory);
    }

    @Override
    public void close() {
        store.close();
    }
}
