package io.strata.raft.statemachine;

import io.strata.core.error.InternalServerException;
import io.strata.core.error.StrataException;
import io.strata.raft.GroupId;
import io.strata.raft.protocol.ShardReply;
import io.strata.raft.protocol.StrataExceptionCarrier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of one group on one node: it drives a {@link ReplicatedShard}.
 *
 * <p>Commands are validated by the shard on the leader before they enter the log, applied
 * serially in log order on every replica, and snapshotted through the shard into
 * {@link ShardSnapshotStorage} so Ratis can purge its log. On restart, and after a snapshot
 * arrives from the leader, the shard is handed the latest snapshot and Ratis re-applies the log
 * after it.
 *
 * <p>The last applied index it reports to Ratis, and so every snapshot it records, never covers a
 * command whose effect the shard does not hold: a command the shard failed to apply halts the
 * state machine (see {@link #applyTransaction}) instead of being counted and skipped.
 */
public final class ShardStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ShardStateMachine.class);
    /** The shard's live data, in the group's directory so that removing the group removes it. */
    static final String SHARD_DATA_DIRECTORY = "shard-data";

    private final ReplicatedShardFactory shardFactory;
    private final ShardSnapshotStorage snapshots = new ShardSnapshotStorage();
    /** Apply, snapshot and snapshot install change or read the whole state: one at a time. */
    private final ReentrantLock stateLock = new ReentrantLock();
    private volatile ReplicatedShard shard;
    /** Set when an apply failed: the replica may hold part of that command and must be reopened. */
    private volatile String failure;

    public ShardStateMachine(ReplicatedShardFactory shardFactory) {
        this.shardFactory = Objects.requireNonNull(shardFactory, "shardFactory");
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId raftGroupId, RaftStorage storage) throws IOException {
        getLifeCycle().startAndTransition(() -> {
            super.initialize(server, raftGroupId, storage);
            snapshots.init(storage);
            Path dataDirectory = storage.getStorageDir().getRoot().toPath().resolve(SHARD_DATA_DIRECTORY);
            Files.createDirectories(dataDirectory);
            shard = shardFactory.open(GroupId.of(raftGroupId), dataDirectory);
            loadLatestSnapshot();
        });
    }

    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    /** Called by Ratis after it replaced the state machine directory with the leader's snapshot. */
    @Override
    public void reinitialize() throws IOException {
        snapshots.reload();
        loadLatestSnapshot();
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    private void loadLatestSnapshot() throws IOException {
        Optional<ShardSnapshotStorage.ShardSnapshot> latest = snapshots.latestSnapshot();
        if (latest.isEmpty()) {
            return;
        }
        ShardSnapshotStorage.ShardSnapshot snapshot = latest.get();
        stateLock.lock();
        try {
            ShardSnapshotStorage.deleteChecksumFiles(snapshot.shardDirectory());
            shard.installSnapshot(snapshot.shardDirectory());
            setLastAppliedTermIndex(snapshot.termIndex());
        } finally {
            stateLock.unlock();
        }
        LOG.info("{}: loaded snapshot {}", getGroupId(), snapshot.termIndex());
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots;
    }

    /** Runs on the leader only, before the command is appended: a rejection replicates nothing. */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext transaction = super.startTransaction(request);
        try {
            shard.validate(request.getMessage().getContent().toByteArray());
        } catch (StrataException rejection) {
            transaction.setException(StrataExceptionCarrier.of(rejection));
        } catch (RuntimeException bug) {
            LOG.error("{}: the shard failed to validate a command", getGroupId(), bug);
            transaction.setException(StrataExceptionCarrier.of(new InternalServerException(
                    "The shard of " + getGroupId() + " failed to validate the command")));
        }
        return transaction;
    }

    /**
     * Applies one committed command. A deterministic refusal is the command's answer and counts as
     * applied. A failure (see {@link ReplicatedShard}) halts this replica instead: the index is not
     * counted as applied, nothing more is applied or snapshotted, and the exception is thrown to
     * Ratis, whose state machine updater then closes this group's division on this node — a leader
     * steps down, the peers carry on. The node reopens the division from its log and snapshots
     * ({@link io.strata.raft.server.RaftNode}), which re-applies the command. Returning a failed
     * future instead would not do: Ratis counts such an entry as applied and moves on, which left
     * replicas silently short of the commands they failed on.
     */
    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext transaction) {
        LogEntryProto entry = transaction.getLogEntry();
        byte[] command = entry.getStateMachineLogEntry().getLogData().toByteArray();
        Message reply;
        stateLock.lock();
        try {
            ensureNotHalted();
            try {
                reply = Message.valueOf(ShardReply.success(shard.apply(entry.getIndex(), command)));
            } catch (StrataException rejection) {
                if (ReplicatedShard.isFailure(rejection)) {
                    throw halt(entry, rejection);
                }
                reply = Message.valueOf(ShardReply.rejection(rejection));
            } catch (RuntimeException | Error failure) {
                throw halt(entry, failure);
            }
            updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        } finally {
            stateLock.unlock();
        }
        return CompletableFuture.completedFuture(reply);
    }

    /** Why this replica stopped applying, if it did; it stays halted until its division is reopened. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private IllegalStateException halt(LogEntryProto entry, Throwable cause) {
        failure = "applying index " + entry.getIndex() + " failed: " + cause;
        LOG.error("{}: HALTED — the shard failed to apply index {} (last applied {}); this replica applies nothing "
                + "more until its division is reopened from the log", getGroupId(), entry.getIndex(),
                getLastAppliedTermIndex(), cause);
        return new IllegalStateException(getGroupId() + " halted: " + failure, cause);
    }

    private void ensureNotHalted() {
        String reason = failure;
        if (reason != null) {
            throw new IllegalStateException(getGroupId() + " is halted: " + reason);
        }
    }

    /** Reached after the read index barrier for linearizable reads, or directly for stale reads. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        try {
            return CompletableFuture.completedFuture(
                    Message.valueOf(ShardReply.success(shard.query(request.getContent().toByteArray()))));
        } catch (StrataException rejection) {
            return CompletableFuture.completedFuture(Message.valueOf(ShardReply.rejection(rejection)));
        } catch (RuntimeException bug) {
            LOG.error("{}: the shard failed to answer a query", getGroupId(), bug);
            return CompletableFuture.failedFuture(new StateMachineException(
                    "The shard of " + getGroupId() + " failed to answer a query: " + bug));
        }
    }

    /** Called by Ratis's apply thread every N entries (and on demand): never concurrent with apply. */
    @Override
    public long takeSnapshot() throws IOException {
        stateLock.lock();
        try {
            if (failure != null) {
                // Ratis logs it and carries on: a snapshot of a halted replica would record what it lacks.
                throw new IOException(getGroupId() + " is halted, no snapshot: " + failure);
            }
            TermIndex applied = getLastAppliedTermIndex();
            if (applied == null || applied.getIndex() <= 0) {
                return RaftLog.INVALID_LOG_INDEX;
            }
            Optional<ShardSnapshotStorage.ShardSnapshot> latest = snapshots.latestSnapshot();
            if (latest.isPresent() && latest.get().termIndex().getIndex() >= applied.getIndex()) {
                return latest.get().termIndex().getIndex();
            }
            ShardSnapshotStorage.PendingSnapshot pending = snapshots.begin(applied);
            shard.snapshot(applied.getIndex(), pending.shardDirectory());
            pending.commit();
            return applied.getIndex();
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        ReplicatedShard opened = shard;
        if (opened != null) {
            stateLock.lock();
            try {
                opened.close();
            } catch (RuntimeException | Error closeAfterFailure) {
                if (failure == null) {
                    throw closeAfterFailure;
                }
                // The files that failed may fail again; reopening reads them from disk anyway.
                LOG.warn("{}: closing the halted shard failed", getGroupId(), closeAfterFailure);
            } finally {
                stateLock.unlock();
            }
        }
    }
}
