package io.strata.raft.server;

import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;

/**
 * How a node writes, forces and ships its Raft log: the group-commit knobs of Ratis's segmented
 * log worker and log appender, the same for every group the node hosts.
 *
 * <p><b>Durability is not negotiable here.</b> Ratis's log worker writes queued entries into one
 * buffer and forces the file once for all of them (when its queue runs dry, or after
 * {@code forceSyncEntries} unforced entries); with {@code asyncFlush} the force runs on a separate
 * thread while the worker keeps writing the next entries. Either way a replica reports an entry
 * (to its leader as a follower, into the commit index as a leader) only after the force that
 * covers it returned, so a write is still acknowledged only once a majority has it on disk. Ratis's
 * "unsafe flush" (acknowledge before the force) is deliberately not exposed.
 *
 * @param writeBufferBytes the log worker's write buffer ({@code raft.server.log.write.buffer.size});
 *     must hold the largest entry plus 8 bytes of framing
 * @param forceSyncEntries force at the latest after this many unforced entries even while more are
 *     queued ({@code raft.server.log.force.sync.num}); bounds the latency a long queue adds
 * @param asyncFlush force on a separate thread so writing the next entries overlaps the force
 *     ({@code raft.server.log.async-flush.enabled})
 * @param appenderBufferBytes bytes of entries a leader sends to a follower in one AppendEntries
 *     ({@code raft.server.log.appender.buffer.byte-limit}); Ratis also refuses a single entry larger
 *     than this, so it is the largest entry the log accepts
 * @param appenderBufferEntries entries per AppendEntries, 0 for no limit but the bytes
 *     ({@code raft.server.log.appender.buffer.element-limit})
 */
public record RaftLogWriteSettings(
        long writeBufferBytes,
        int forceSyncEntries,
        boolean asyncFlush,
        long appenderBufferBytes,
        int appenderBufferEntries) {

    /** Ratis's gRPC message limit (64 MiB) must exceed the appender buffer by 1 MiB. */
    static final long APPENDER_BUFFER_BYTES_MAX = 32L * 1024 * 1024;
    private static final long WRITE_BUFFER_BYTES_MAX = 256L * 1024 * 1024;

    public RaftLogWriteSettings {
        if (appenderBufferBytes < 64 * 1024 || appenderBufferBytes > APPENDER_BUFFER_BYTES_MAX) {
            throw new IllegalArgumentException("appenderBufferBytes must be in 64 KiB..32 MiB: " + appenderBufferBytes);
        }
        if (writeBufferBytes < appenderBufferBytes + 8 || writeBufferBytes > WRITE_BUFFER_BYTES_MAX) {
            throw new IllegalArgumentException("writeBufferBytes must hold the largest entry (appenderBufferBytes + 8 = "
                    + (appenderBufferBytes + 8) + ") and be at most 256 MiB: " + writeBufferBytes);
        }
        if (forceSyncEntries < 1) {
            throw new IllegalArgumentException("forceSyncEntries must be >= 1: " + forceSyncEntries);
        }
        if (appenderBufferEntries < 0) {
            throw new IllegalArgumentException("appenderBufferEntries must be >= 0 (0: no limit): "
                    + appenderBufferEntries);
        }
    }

    /**
     * Ratis's buffer sizes (8 MiB write buffer, 4 MiB per AppendEntries, which the coordinator's
     * combined write entries stay well under), a force after at most 128 queued entries, and the
     * force on the log worker's thread: on the two-core benchmark machine async flush did not raise
     * the acknowledged rate (the cluster is CPU-bound there, and async flush adds a thread hand-off
     * per force; see BENCHMARKS.md, "Replicated ingest"). Worth measuring again on disks where a
     * force takes longer than writing the entries behind it.
     */
    public static RaftLogWriteSettings defaults() {
        return new RaftLogWriteSettings(8L * 1024 * 1024, 128, false, 4L * 1024 * 1024, 0);
    }

    public RaftLogWriteSettings withAsyncFlush(boolean enabled) {
        return new RaftLogWriteSettings(writeBufferBytes, forceSyncEntries, enabled, appenderBufferBytes,
                appenderBufferEntries);
    }

    public RaftLogWriteSettings withForceSyncEntries(int entries) {
        return new RaftLogWriteSettings(writeBufferBytes, entries, asyncFlush, appenderBufferBytes,
                appenderBufferEntries);
    }

    void applyTo(RaftProperties properties) {
        RaftServerConfigKeys.Log.setWriteBufferSize(properties, SizeInBytes.valueOf(writeBufferBytes));
        RaftServerConfigKeys.Log.setForceSyncNum(properties, forceSyncEntries);
        RaftServerConfigKeys.Log.setUnsafeFlushEnabled(properties, false);
        RaftServerConfigKeys.Log.setAsyncFlushEnabled(properties, asyncFlush);
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(properties, SizeInBytes.valueOf(appenderBufferBytes));
        RaftServerConfigKeys.Log.Appender.setBufferElementLimit(properties, appenderBufferEntries);
    }
}
