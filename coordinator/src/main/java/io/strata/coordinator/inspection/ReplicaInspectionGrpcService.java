package io.strata.coordinator.inspection;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.strata.coordinator.api.GrpcErrors;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.coordinator.catalog.WritableTable;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.ValidationException;
import io.strata.internal.v1.ColumnBatchMessage;
import io.strata.internal.v1.DimensionFilter;
import io.strata.internal.v1.ListLocalReplicasRequest;
import io.strata.internal.v1.ListLocalReplicasResponse;
import io.strata.internal.v1.LocalReplica;
import io.strata.internal.v1.ReplicaInspectionServiceGrpc;
import io.strata.internal.v1.ScanLocalReplicaRequest;
import io.strata.internal.v1.ScanLocalReplicaResult;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.server.RaftNode;
import io.strata.raft.shard.ColumnBatchMessages;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The internal {@code ReplicaInspectionService} on a node's gRPC server: what this node's own
 * replicas hold and how it sees their groups, read locally with no read barrier and no leader
 * (operators comparing replicas, the chaos harness's replica-agreement check). Read-only and
 * stateless: calls run on gRPC's threads, concurrently with apply (a replica's scan is safe
 * alongside apply, see {@link ShardStoreReplica}); a scan sends a batch only when the caller is
 * ready for it (flow control) and stops at its next batch once cancelled.
 */
public final class ReplicaInspectionGrpcService extends ReplicaInspectionServiceGrpc.ReplicaInspectionServiceImplBase {
    /** How {@link GroupId#toString()} (and so DescribeCluster) spells a group: {@code group-<uuid>}. */
    private static final String GROUP_PREFIX = "group-";

    private final String nodeId;
    private final RaftNode raftNode;
    private final Function<GroupId, Optional<ShardStoreReplica>> replicas;
    private final TableCatalog tables;

    /**
     * @param raftNode the node's started Raft server
     * @param replicas the local replica of a group, empty when it is not hosted here
     * @param tables the node's table catalog (table ids and schemas)
     */
    public ReplicaInspectionGrpcService(String nodeId, RaftNode raftNode,
            Function<GroupId, Optional<ShardStoreReplica>> replicas, TableCatalog tables) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.replicas = Objects.requireNonNull(replicas, "replicas");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public void listLocalReplicas(ListLocalReplicasRequest request, StreamObserver<ListLocalReplicasResponse> observer) {
        GrpcErrors.answer(observer, () -> {
            ListLocalReplicasResponse.Builder response = ListLocalReplicasResponse.newBuilder().setNodeId(nodeId);
            RaftNode raft = raftNode;
            for (GroupId group : sortedGroups(raft)) {
                // A group removed between groups() and status() is simply not listed.
                raft.status(group).ifPresent(status -> response.addReplicas(localReplica(status, raft.isLeader(group))));
            }
            return response.build();
        });
    }

    @Override
    public void scanLocalReplica(ScanLocalReplicaRequest request, StreamObserver<ScanLocalReplicaResult> observer) {
        ServerCallStreamObserver<ScanLocalReplicaResult> call = (ServerCallStreamObserver<ScanLocalReplicaResult>) observer;
        Object ready = new Object();
        Runnable wake = () -> {
            synchronized (ready) {
                ready.notifyAll();
            }
        };
        call.setOnReadyHandler(wake);
        call.setOnCancelHandler(wake);
        try {
            WritableTable table = tables.writable(request.getDatabaseName(), request.getTableName());
            ScanRequest scan = new ScanRequest(table.entry().getTableId(), table.schema().columns(), 0, Long.MAX_VALUE,
                    dimensionValues(request.getDimensionFiltersList()), Set.of(),
                    request.getBatchRows() > 0 ? request.getBatchRows() : ScanRequest.DEFAULT_BATCH_ROWS);
            for (GroupId group : groupsToScan(request.getGroupId())) {
                Optional<ShardStoreReplica> replica = replicas.apply(group);
                if (replica.isEmpty() || call.isCancelled()) {
                    continue;
                }
                long appliedIndex = replica.get().lastAppliedIndex();
                ShardScan rows = replica.get().scan(scan);
                boolean sent = false;
                while (rows.hasNext() && awaitReady(call, ready)) {
                    call.onNext(result(group, appliedIndex, rows.next()));
                    sent = true;
                }
                if (!sent && !call.isCancelled()) {
                    call.onNext(ScanLocalReplicaResult.newBuilder().setGroupId(group.toString())
                            .setAppliedIndex(appliedIndex).setBatch(ColumnBatchMessage.getDefaultInstance()).build());
                }
            }
        } catch (RuntimeException failure) {
            if (!call.isCancelled()) {
                call.onError(GrpcErrors.toStatus(failure));
            }
            return;
        }
        if (!call.isCancelled()) {
            call.onCompleted();
        }
    }

    /**
     * Holds the scan while the caller is not reading (gRPC flow control), so scanning a large table
     * does not pile its batches up in this node's send buffers. The timed wait only guards against
     * a missed signal. False once the call is cancelled.
     */
    private static boolean awaitReady(ServerCallStreamObserver<ScanLocalReplicaResult> call, Object ready) {
        synchronized (ready) {
            while (!call.isReady() && !call.isCancelled()) {
                try {
                    ready.wait(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !call.isCancelled();
    }

    private List<GroupId> groupsToScan(String groupId) {
        if (groupId.isEmpty()) {
            return sortedGroups(raftNode);
        }
        String uuid = groupId.startsWith(GROUP_PREFIX) ? groupId.substring(GROUP_PREFIX.length()) : groupId;
        try {
            return List.of(new GroupId(UUID.fromString(uuid)));
        } catch (IllegalArgumentException notAUuid) {
            throw new ValidationException("The group id '" + groupId + "' is not a UUID.");
        }
    }

    private static List<GroupId> sortedGroups(RaftNode raft) {
        return raft.groups().stream().sorted(Comparator.comparing(GroupId::toString)).toList();
    }

    private static Map<String, Set<String>> dimensionValues(List<DimensionFilter> filters) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (DimensionFilter filter : filters) {
            if (filter.getValuesCount() == 0) {
                throw new ValidationException("The dimension filter on '" + filter.getName() + "' accepts no value.");
            }
            values.computeIfAbsent(filter.getName(), name -> new LinkedHashSet<>()).addAll(filter.getValuesList());
        }
        return values;
    }

    private static LocalReplica localReplica(GroupStatus status, boolean leaderReady) {
        return LocalReplica.newBuilder()
                .setGroupId(status.groupId().toString())
                .setLeader(status.leader())
                .setLeaderReady(leaderReady)
                .setLeaderId(status.leaderId().orElse(""))
                .setTerm(status.term())
                .setAppliedIndex(status.lastAppliedIndex())
                .build();
    }

    private static ScanLocalReplicaResult result(GroupId group, long appliedIndex, ColumnBatch batch) {
        return ScanLocalReplicaResult.newBuilder()
                .setGroupId(group.toString())
                .setAppliedIndex(appliedIndex)
                .setBatch(ColumnBatchMessages.toMessage(batch))
                .build();
    }
}
