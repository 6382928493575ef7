package io.strata.server.node;

import io.strata.observability.GaugeRegistration;
import io.strata.observability.RaftGroupProbe;
import io.strata.observability.ShardProbe;
import io.strata.observability.StrataMetrics;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.server.RaftNode;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.raft.shard.ShardStoreReplicas;
import io.strata.tier.shard.ShardStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Publishes the leadership, Raft log size, commit and applied index of every group this node hosts,
 * and the sizes and migration lag of its shard replica, and withdraws them when a group leaves. The
 * log size is measured on disk by {@link #refresh()} (called periodically by the node) and only read
 * by the scrape, so a scrape never touches the file system.
 *
 * <p>Threading: {@link #refresh()} and {@link #close()} from one thread at a time; the probes are
 * read concurrently by the metrics server's threads.
 */
final class RaftGroupGauges implements AutoCloseable {
    private final RaftNode raftNode;
    private final Path storageDirectory;
    private final StrataMetrics metrics;
    private final ShardStoreReplicas shards;
    private final Clock clock;
    private final Map<GroupId, Published> published = new ConcurrentHashMap<>();

    /**
     * @param storageDirectory the Raft storage directory: one sub-directory per group, named by its UUID
     * @param shards the node's shard replicas, whose statistics the shard gauges read
     * @param clock the time the migration lag is measured at
     */
    RaftGroupGauges(RaftNode raftNode, Path storageDirectory, StrataMetrics metrics, ShardStoreReplicas shards,
            Clock clock) {
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.storageDirectory = Objects.requireNonNull(storageDirectory, "storageDirectory");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.shards = Objects.requireNonNull(shards, "shards");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void refresh() {
        Set<GroupId> hosted = raftNode.groups();
        for (GroupId group : hosted) {
            Published gauges = published.computeIfAbsent(group, newGroup -> {
                Probe probe = new Probe(raftNode, newGroup);
                return new Published(probe, metrics.registerRaftGroup(newGroup.toString(), probe),
                        metrics.registerShard(newGroup.toString(), new ShardGauges(shards, newGroup, clock)));
            });
            gauges.probe().logBytes = logBytes(group, gauges.probe().logBytes);
        }
        published.entrySet().removeIf(entry -> {
            if (hosted.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
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
        published.values().forEach(Published::close);
        published.clear();
    }

    private record Published(Probe probe, GaugeRegistration registration, GaugeRegistration shard) {
        void close() {
            registration.close();
            shard.close();
        }
    }

    /**
     * The shard gauges of one group: the statistics its replica keeps up to date at apply (zeros
     * until the replica is open). Each scrape reads a few volatile fields; nothing is scanned.
     */
    private record ShardGauges(ShardStoreReplicas shards, GroupId group, Clock clock) implements ShardProbe {
        @Override
        public long memoryStoreRows() {
            return statistics().map(ShardStatistics::memoryRows).orElse(0L);
        }

        @Override
        public long memoryStoreBytes() {
            return statistics().map(ShardStatistics::memoryBytes).orElse(0L);
        }

        @Override
        public long magneticSegments() {
            return statistics().map(ShardStatistics::magneticSegments).orElse(0L);
        }

        @Override
        public long magneticBytes() {
            return statistics().map(ShardStatistics::magneticBytes).orElse(0L);
        }

        @Override
        public double migrationLagSeconds() {
            Instant now = clock.instant();
            long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            return statistics().map(statistics -> statistics.migrationLagNanos(nowNanos) / 1e9).orElse(0.0);
        }

        private Optional<ShardStatistics> statistics() {
            return shards.replica(group).map(ShardStoreReplica::statistics);
        }
    }

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

        @Override
        public long commitIndex() {
            return status().map(GroupStatus::commitIndex).orElse(-1L);
        }

        @Override
        public long appliedIndex() {
            return status().map(GroupStatus::lastAppliedIndex).orElse(-1L);
        }

        private Optional<GroupStatus> status() {
            try {
                return raftNode.status(group);
            } catch (RuntimeException stopping) {
                return Optional.empty();
            }
        }
    }
}
