package io.strata.coordinator.query;

import io.strata.coordinator.api.QueryGrpcService;
import io.strata.coordinator.catalog.DatabaseCatalog;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.coordinator.catalog.WritableTable;
import io.strata.coordinator.write.GroupClients;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.metadata.CatalogStore;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.placement.Placement;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.FunctionResolver;
import io.strata.raft.GroupId;
import io.strata.raft.query.ReadBarrier;
import io.strata.raft.query.ShardFragmentExecutor;
import io.strata.raft.query.ShardTable;
import io.strata.raft.shard.ShardGroups;
import io.strata.raft.shard.ShardStoreReplica;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * A node's query side, wired from its parts: the {@link QueryCoordinator} (this node as
 * coordinator, served by the public {@link QueryGrpcService} and the Timestream HTTP endpoint) and
 * the internal {@link ShardQueryGrpcService} (this node's replicas as shards, for the node's gRPC
 * server). {@link #close()} cancels running queries and stops the
 * threads and channels it started.
 */
public final class QueryServices implements AutoCloseable {
    private final ShardQueryGrpcService shardService;
    private final QueryCoordinator coordinator;
    private final NodeChannels channels = new NodeChannels();
    private final ExecutorService threads;
    private final ScheduledExecutorService deadlines;

    /**
     * @param localReplicas this node's open replica of a Raft group
     * @param localLeaderOf a group's leader as this node's Raft server knows it
     */
    public QueryServices(String nodeId, CatalogStore catalogStore, RoutingCache routing, DatabaseCatalog databases,
                         TableCatalog tables,
                         GroupClients groupClients, Function<GroupId, Optional<ShardStoreReplica>> localReplicas,
                         Function<GroupId, Optional<String>> localLeaderOf, QuerySettings settings, Clock clock) {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(groupClients, "groupClients");
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("query-" + nodeId + "-", 0).factory());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("query-deadlines-" + nodeId).factory());
        FunctionResolver functions = FunctionResolver.builtIn();
        ShardFanOut fanOut = new ShardFanOut(routing, tables, channels, localLeaderOf, threads,
                settings.fragmentRetryBudget());
        this.coordinator = new QueryCoordinator(nodeId, new ClusterCatalog(routing, databases, tables),
                new StoredCatalog(catalogStore), fanOut, functions,
                settings, clock, () -> UUID.randomUUID().toString().replace("-", ""), threads, deadlines);
        ShardFragmentExecutor shards = new ShardFragmentExecutor(localReplicas, name -> shardTable(tables, name),
                group -> groupClients.clientFor(routing.routableView(), placementGroupOf(routing.routableView(), group))
                        .read(ReadBarrier.request()),
                new io.strata.query.execution.QueryExecutor(functions), settings.fragmentRetryBudget());
        this.shardService = new ShardQueryGrpcService(shards, clock, settings.limits());
    }

    /** This node as query coordinator: what the public QueryService and the HTTP endpoint serve (through an engine). */
    public QueryCoordinator coordinator() {
        return coordinator;
    }

    /** The same query operations for the Timestream HTTP endpoint ({@code TimestreamOperations.registerQuery}). */
    public QueryCoordinator queryOperations() {
        return coordinator;
    }

    public ShardQueryGrpcService shardService() {
        return shardService;
    }

    /** The table as this node's catalog sees it; one it does not see yet is worth a retry. */
    private static ShardTable shardTable(TableCatalog tables, TableName name) {
        try {
            WritableTable table = tables.writable(name.database(), name.table());
            return new ShardTable(table.entry().getTableId(), table.schema());
        } catch (ResourceNotFoundException notYetSeen) {
            throw new ServiceUnavailableException("Table " + name + " is not known on this node yet: "
                    + notYetSeen.getMessage(), notYetSeen);
        }
    }

    private static io.strata.placement.GroupId placementGroupOf(RoutingView view, GroupId raftGroup) {
        Placement placement = view.placementIfAny().orElseThrow(() -> new ServiceUnavailableException(
                "The cluster has no placement yet; retry shortly."));
        for (io.strata.placement.GroupId group : placement.groupIds()) {
            if (ShardGroups.raftGroupOf(group).equals(raftGroup)) {
                return group;
            }
        }
        throw new ServiceUnavailableException(raftGroup + " is not in the current placement; refresh routing and retry.");
    }

    @Override
    public void close() throws InterruptedException {
        coordinator.close();
        threads.shutdownNow();
        deadlines.shutdownNow();
        channels.close();
    }
}
