package io.strata.raft.statemachine;

import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The storage of one replica of a shard, driven by its Raft group's state machine.
 *
 * <p><b>Threading and ordering.</b> {@link #apply}, {@link #snapshot}, {@link #installSnapshot}
 * and {@link #close} are called one at a time, never concurrently with each other. {@link #apply}
 * is called in log order, once per committed command, on every replica. {@link #validate} runs
 * on the leader's request threads and {@link #query} on read threads: both may run concurrently
 * with each other and with {@link #apply}, so they must only read state that is safe to read
 * while an apply is in progress.
 *
 * <p><b>Determinism.</b> {@link #apply} must produce the same state and the same result on every
 * replica from the same sequence of commands: it must not read the local clock, random numbers,
 * environment or anything else not carried in the command (put the ingest time in the command).
 *
 * <p><b>Idempotence.</b> After a restart the state machine hands the shard its latest snapshot
 * and then re-applies every command after that snapshot's index. A shard that persists state
 * beyond its snapshot (a journal) must treat a command whose index it has already applied as a
 * no-op returning the same result; the {@code index} argument exists for that.
 *
 * <p><b>Errors.</b> A {@link io.strata.core.error.StrataException} thrown from {@link #validate}
 * rejects the command before anything is replicated; the client receives the same exception
 * (name and message). One thrown from {@link #apply} is a deterministic rejection: it is the
 * client's answer and the command is still counted as applied — unless {@link #isFailure} says it
 * is a failure of this replica (an internal error or unavailability), like any other exception or
 * error from {@link #apply} (a full disk, a {@code SIGBUS} on a mapped file, a bug). A failure
 * halts the replica: the command does not count as applied, the state machine applies and
 * snapshots nothing more, and the group's division on this node is closed and reopened, which
 * closes this shard, opens it again from its files and re-applies the log after its snapshot. So a
 * replica is never silently short of a command its peers applied.
 */
public interface ReplicatedShard extends AutoCloseable {

    /**
     * Whether {@code exception}, thrown from {@link #apply}, is a failure of this replica rather
     * than a deterministic refusal every replica gives (see the class comment).
     */
    static boolean isFailure(Throwable exception) {
        if (exception instanceof StrataException strata) {
            return strata.code() == ErrorCode.INTERNAL_SERVER || strata.code() == ErrorCode.SERVICE_UNAVAILABLE;
        }
        return true;
    }

    /**
     * Checks a command on the leader before it enters the log; throws a
     * {@link io.strata.core.error.StrataException} to reject it. Must not change state: a command
     * that passes may still never be committed.
     */
    void validate(byte[] command);

    /** Applies the committed command at log position {@code index} and returns its result. */
    byte[] apply(long index, byte[] command);

    /** Answers a read-only request from the current state; never changes state. */
    byte[] query(byte[] request);

    /**
     * Writes the state as of {@code index} (the last applied index) into the empty directory
     * {@code directory}, which Ratis may ship to a lagging replica. Must write at least one file;
     * file names must not end in {@code .md5} (Ratis's checksum files).
     */
    void snapshot(long index, Path directory) throws IOException;

    /**
     * Replaces the whole state by the snapshot in {@code directory} (written by {@link #snapshot}
     * on this or another replica). Called on restart and after a snapshot arrives from the leader.
     */
    void installSnapshot(Path directory) throws IOException;

    @Override
    void close() throws IOException;
}
