package io.strata.raft.server;

import io.strata.raft.NodeEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * How one node's Raft server runs: where it listens, where it keeps its groups, and the timing,
 * snapshot and log-purge knobs that apply to every group it hosts.
 *
 * @param endpoint this node's id (its Raft peer id) and listen address
 * @param storageDirectory one sub-directory per hosted group (named by the group's UUID)
 * @param electionTimeoutMin lower bound of the randomized election timeout
 * @param electionTimeoutMax upper bound; failover takes about this plus one election round
 * @param snapshotEveryEntries take a snapshot after this many applied entries
 * @param logSegmentSizeBytes a log segment is closed (and becomes purgeable) at this size
 * @param logPurgeGap purge the log once the snapshot index is this many entries past the last purge
 * @param logWrites how the log is written, forced and shipped (group commit)
 */
public record RaftNodeSettings(
        NodeEndpoint endpoint,
        Path storageDirectory,
        Duration electionTimeoutMin,
        Duration electionTimeoutMax,
        long snapshotEveryEntries,
        long logSegmentSizeBytes,
        int logPurgeGap,
        RaftLogWriteSettings logWrites) {

    private static final long DEFAULT_PREALLOCATION_BYTES = 4L * 1024 * 1024;
    private static final int SNAPSHOTS_RETAINED = 2;

    public RaftNodeSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(storageDirectory, "storageDirectory");
        Objects.requireNonNull(electionTimeoutMin, "electionTimeoutMin");
        Objects.requireNonNull(electionTimeoutMax, "electionTimeoutMax");
        if (electionTimeoutMin.toMillis() < 100) {
            throw new IllegalArgumentException("electionTimeoutMin must be at least 100 ms: " + electionTimeoutMin);
        }
        if (electionTimeoutMax.compareTo(electionTimeoutMin) <= 0) {
            throw new IllegalArgumentException("electionTimeoutMax (" + electionTimeoutMax
                    + ") must be greater than electionTimeoutMin (" + electionTimeoutMin + ")");
        }
        if (snapshotEveryEntries < 1) {
            throw new IllegalArgumentException("snapshotEveryEntries must be >= 1: " + snapshotEveryEntries);
        }
        if (logSegmentSizeBytes < 16 * 1024) {
            throw new IllegalArgumentException("logSegmentSizeBytes must be at least 16 KiB: " + logSegmentSizeBytes);
        }
        if (logPurgeGap < 1) {
            throw new IllegalArgumentException("logPurgeGap must be >= 1: " + logPurgeGap);
        }
        Objects.requireNonNull(logWrites, "logWrites");
    }

    /**
     * Timeouts for a small, loaded machine: an election within 1–2 s of losing the leader, so a
     * failover completes in about 3 s, without spurious elections from GC or CPU pauses.
     */
    public static RaftNodeSettings defaults(NodeEndpoint endpoint, Path storageDirectory) {
        return new RaftNodeSettings(endpoint, storageDirectory, Duration.ofMillis(1000), Duration.ofMillis(2000),
                10_000, 8L * 1024 * 1024, 1024, RaftLogWriteSettings.defaults());
    }

    public RaftNodeSettings withSnapshotEveryEntries(long entries) {
        return new RaftNodeSettings(endpoint, storageDirectory, electionTimeoutMin, electionTimeoutMax,
                entries, logSegmentSizeBytes, logPurgeGap, logWrites);
    }

    public RaftNodeSettings withLogSegmentSizeBytes(long bytes) {
        return new RaftNodeSettings(endpoint, storageDirectory, electionTimeoutMin, electionTimeoutMax,
                snapshotEveryEntries, bytes, logPurgeGap, logWrites);
    }

    public RaftNodeSettings withLogPurgeGap(int gap) {
        return new RaftNodeSettings(endpoint, storageDirectory, electionTimeoutMin, electionTimeoutMax,
                snapshotEveryEntries, logSegmentSizeBytes, gap, logWrites);
    }

    public RaftNodeSettings withLogWrites(RaftLogWriteSettings settings) {
        return new RaftNodeSettings(endpoint, storageDirectory, electionTimeoutMin, electionTimeoutMax,
                snapshotEveryEntries, logSegmentSizeBytes, logPurgeGap, settings);
    }

    /** The Ratis server properties these settings stand for (package-private for tests of the mapping). */
    RaftProperties toRaftProperties() {
        RaftProperties properties = new RaftProperties();
        RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.GRPC);
        GrpcConfigKeys.Server.setHost(properties, endpoint.host());
        GrpcConfigKeys.Server.setPort(properties, endpoint.port());
        RaftServerConfigKeys.setStorageDir(properties, List.of(storageDirectory.toFile()));

        RaftServerConfigKeys.Rpc.setTimeoutMin(properties, milliseconds(electionTimeoutMin));
        RaftServerConfigKeys.Rpc.setTimeoutMax(properties, milliseconds(electionTimeoutMax));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, milliseconds(electionTimeoutMin));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(properties, milliseconds(electionTimeoutMax));

        // Reads pass the read index barrier: a read sees every write acknowledged before it.
        RaftServerConfigKeys.Read.setOption(properties, RaftServerConfigKeys.Read.Option.LINEARIZABLE);

        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, snapshotEveryEntries);
        RaftServerConfigKeys.Snapshot.setCreationGap(properties, snapshotEveryEntries);
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(properties, SNAPSHOTS_RETAINED);

        // A follower that falls behind the purged log gets the snapshot instead (Ratis ships it).
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
        RaftServerConfigKeys.Log.setPurgeGap(properties, logPurgeGap);
        RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(logSegmentSizeBytes));
        RaftServerConfigKeys.Log.setPreallocatedSize(properties,
                SizeInBytes.valueOf(Math.min(logSegmentSizeBytes, DEFAULT_PREALLOCATION_BYTES)));
        logWrites.applyTo(properties);
        return properties;
    }

    private static TimeDuration milliseconds(Duration duration) {
        return TimeDuration.valueOf(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
}
