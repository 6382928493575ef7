package io.strata.server.node;

import io.strata.observability.GaugeRegistration;
import io.strata.observability.RaftGroupProbe;
import io.strata.observability.StrataMetrics;
import io.strata.raft.GroupId;
import io.strata.raft.server.RaftNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Publishes the leadership and Raft log size of every group this node hosts, and withdraws them
 * when a group leaves. The log size is measured on disk by {@link #refresh()} (called periodically
 * by the node) and only read by the scrape, so a scrape never touches the file system.
 *
 * <p>Threading: {@link #refresh()} and {@link #close()} from one thread at a time; the probes are
 * read concurrently by the metrics server's threads.
 */
final class RaftGroupGauges implements AutoCloseable {
    private final RaftNode raftNode;
    private final Path storageDirectory;
    private final StrataMetrics metrics;
    private final Map<GroupId, Published> published = new ConcurrentHashMap<>();

    /** @param storageDirectory the Raft storage directory: one sub-directory per group, named by its UUID */
    RaftGroupGauges(RaftNode raftNode, Path storageDirectory, StrataMetrics metrics) {
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.storageDirectory = Objects.requireNonNull(storageDirectory, "storageDirectory");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void refresh() {
        Set<GroupId> hosted = raftNode.groups();
        for (GroupId group : hosted) {
            Published gauges = published.computeIfAbsent(group, newGroup -> {
                Probe probe = new Probe(raftNode, newGroup);
                return new Published(probe, metrics.registerRaftGroup(newGroup.toString(), probe));
            });
            gauges.probe().logBytes = logBytes(group, gauges.probe().logBytes);
        }
        published.entrySet().removeIf(entry -> {
            if (hosted.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().registration().close();
            return true;
        });
    }

    /** Bytes of the group's log segments ({@code current/log_*}); the last value if they cannot be listed. */
    private long logBytes(GroupId group, long previous) {
        Path current = storageDirectory.resolve(group.uuid().toString()).resolve("current");
        try (Stream<Path> files = Files.list(current)) {
            return files.filter(file -> file.getFileName().toString().startsWith("log_"))
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException purgedMeanwhile) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | RuntimeException notThereYet) {
            return previous;
        }
    }

    @Override
    public void close() {
        published.values().forEach(gauges -> gauges.registration().close());
        published.clear();
    }

    private record Published(Probe probe, GaugeRegistration registration) {}

    private static final class Probe implements RaftGroupProbe {
        private final RaftNode raftNode;
        private final GroupId group;
        private volatile long logBytes;

        Probe(RaftNode raftNode, GroupId group) {
            this.raftNode = raftNode;
            this.group = group;
        }

        @Override
        public boolean isLeader() {
            try {
                return raftNode.isLeader(group);
            } catch (RuntimeException stopping) {
                return false;
            }
        }

        @Override
        public long logSizeBytes() {
            return logBytes;
        }
    }
}
