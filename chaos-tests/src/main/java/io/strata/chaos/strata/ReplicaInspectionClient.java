package io.strata.chaos.strata;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.DimensionFilter;
import io.strata.internal.v1.ListLocalReplicasRequest;
import io.strata.internal.v1.LocalReplica;
import io.strata.internal.v1.ReplicaInspectionServiceGrpc;
import io.strata.internal.v1.ScanLocalReplicaRequest;
import io.strata.internal.v1.ScanLocalReplicaResult;
import io.strata.raft.shard.ColumnBatchMessages;
import io.strata.raft.shard.ShardGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks one node's {@code ReplicaInspectionService} (on its gRPC port) what it hosts and what its
 * local replicas hold. Thread-safe: one long-lived channel, one call per question, each with its
 * own deadline. A node that is down, paused or cut off answers nothing within the timeout: empty.
 */
public final class ReplicaInspectionClient implements AutoCloseable {
    /** The chaos table's value column: the workload writes single VARCHAR measures. */
    private static final String VALUE_COLUMN = "measure_value::varchar";

    private final String address;
    private final Duration timeout;
    private final ManagedChannel channel;
    /** {@code group-<uuid>} as the node spells it → the run's group index. */
    private final Map<String, Integer> groupIndexes = new HashMap<>();

    /**
     * @param address {@code host:port} of the node's gRPC API, reachable from this JVM
     * @param groupCount the cluster's Raft groups (to name them by index)
     */
    public ReplicaInspectionClient(String address, int groupCount, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
        this.channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
        for (int index = 0; index < groupCount; index++) {
            groupIndexes.put(ShardGroups.raftGroupOf(new io.strata.placement.GroupId(index)).toString(), index);
        }
    }

    /** The groups this node hosts now. */
    public Optional<List<LocalGroup>> localGroups() {
        try {
            List<LocalGroup> groups = new ArrayList<>();
            for (LocalReplica replica : stub().listLocalReplicas(ListLocalReplicasRequest.getDefaultInstance())
                    .getReplicasList()) {
                Integer index = groupIndexes.get(replica.getGroupId());
                if (index != null) {
                    groups.add(new LocalGroup(index, replica.getLeader(), replica.getLeaderReady(), replica.getLeaderId(),
                            replica.getTerm(), replica.getAppliedIndex()));
                }
            }
            return Optional.of(groups);
        } catch (StatusRuntimeException unreachable) {
            channel.resetConnectBackoff();
            return Optional.empty();
        }
    }

    /**
     * The records of one series in every replica this node holds, read from the local replicas
     * with no read barrier. Empty when the node does not answer in time, or answers rows without the
     * chaos table's columns (its view of the table's schema is behind the writes).
     */
    public Optional<List<ReplicaPoint>> series(String database, String table, String dimension, String series) {
        ScanLocalReplicaRequest request = ScanLocalReplicaRequest.newBuilder()
                .setDatabaseName(database)
                .setTableName(table)
                .addDimensionFilters(DimensionFilter.newBuilder().setName(dimension).addValues(series))
                .build();
        try {
            List<ReplicaPoint> points = new ArrayList<>();
            Iterator<ScanLocalReplicaResult> results = stub().scanLocalReplica(request);
            while (results.hasNext()) {
                ScanLocalReplicaResult result = results.next();
                Integer group = groupIndexes.get(result.getGroupId());
                if (group == null || result.getBatch().getRowCount() == 0) {
                    continue;
                }
                ColumnBatch batch = ColumnBatchMessages.fromMessage(result.getBatch());
                if (!batch.names().contains(VALUE_COLUMN)) {
                    return Optional.empty();
                }
                LongVector times = (LongVector) batch.column(TableColumn.TIME);
                VarcharVector values = (VarcharVector) batch.column(VALUE_COLUMN);
                for (int row = 0; row < batch.rowCount(); row++) {
                    String value = values.get(row);
                    points.add(new ReplicaPoint(group, series, times.get(row) / 1_000_000L, value,
                            ReplicaPoint.versionOf(value)));
                }
            }
            return Optional.of(points);
        } catch (StatusRuntimeException unreachableOrRefused) {
            channel.resetConnectBackoff();
            return Optional.empty();
        }
    }

    /** A stub whose deadline starts now: the deadline covers the whole call, stream included. */
    private ReplicaInspectionServiceGrpc.ReplicaInspectionServiceBlockingStub stub() {
        return ReplicaInspectionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "replica inspection of " + address;
    }
}
