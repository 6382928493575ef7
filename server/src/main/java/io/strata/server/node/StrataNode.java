package io.strata.server.node;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.strata.coordinator.api.AdminGrpcService;
import io.strata.coordinator.api.QueryGrpcService;
import io.strata.coordinator.api.WriteGrpcService;
import io.strata.coordinator.catalog.DatabaseCatalog;
import io.strata.coordinator.cluster.ClusterStatusReader;
import io.strata.coordinator.catalog.ResourceTags;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.coordinator.engine.AdminEngine;
import io.strata.coordinator.engine.QueryEngine;
import io.strata.coordinator.engine.WriteAdmission;
import io.strata.coordinator.engine.WriteEngine;
import io.strata.coordinator.inspection.ReplicaInspectionGrpcService;
import io.strata.coordinator.membership.NodeAddresses;
import io.strata.coordinator.query.QueryServices;
import io.strata.coordinator.query.QuerySettings;
import io.strata.coordinator.write.GroupClients;
import io.strata.coordinator.write.WriteCoordinator;
import io.strata.http.HttpEndpointConfig;
import io.strata.http.TimestreamHttpServer;
import io.strata.http.timestream.TimestreamOperations;
import io.strata.metadata.CatalogStore;
import io.strata.metadata.ClusterManager;
import io.strata.metadata.PlacementProgress;
import io.strata.metadata.MembershipRegistry;
import io.strata.metadata.MetadataPaths;
import io.strata.metadata.NodeRegistration;
import io.strata.metadata.RoutingCache;
import io.strata.observability.HealthStatus;
import io.strata.observability.ObservabilityHttpServer;
import io.strata.observability.StrataMetrics;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupPeerInspector;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.server.RaftNode;
import io.strata.raft.server.RaftNodeSettings;
import io.strata.raft.shard.ShardStoreReplicas;
import io.strata.raft.shard.ShardStoreSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Strata node: its Raft server and shard replicas, its presence in ZooKeeper (membership, the
 * cluster-manager election, the routing cache), the groups the placement assigns to it, the
 * public APIs (gRPC AdminService, WriteService, QueryService and the Timestream HTTP endpoint, both
 * thin encodings over the same engine objects), the internal gRPC services on the same port
 * (ShardQueryService for query fragments, ReplicaInspectionService to read its own replicas), and its observability endpoint ({@code /metrics},
 * {@code /health/live}, {@code /health/ready} on the metrics port).
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()} once; a node restarted on the same
 * {@code <data>/<node-id>} directory hosts its groups again and catches up from its peers. Every
 * thread it starts is stopped by {@link #close()}.
 */
public final class StrataNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StrataNode.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How often readiness and the Raft group gauges are brought up to date. */
    private static final long MONITOR_MILLIS = 500;
    /** How long DescribeCluster waits for one Raft peer before reporting it unreachable. */
    private static final Duration CLUSTER_STATUS_PEER_TIMEOUT = Duration.ofSeconds(3);

    private final NodeConfig config;
    private final Clock clock;
    private final UnaryOperator<RaftNodeSettings> raftTuning;
    private final ShardStoreReplicas shards;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private RaftNode raftNode;
    private RoutingCache routing;
    private GroupAssignments assignments;
    private volatile ClusterManager clusterManager;
    private TableCatalog tables;
    private NodeReadiness readiness;
    private final HealthStatus health = new HealthStatus();
    private StrataMetrics metrics;
    private ObservabilityHttpServer observability;
    private Server grpcServer;
    private TimestreamHttpServer httpServer;
    private WriteAdmission writeAdmission;

    public StrataNode(NodeConfig config, Clock clock) {
        this(config, clock, UnaryOperator.identity(), ShardStoreSettings.defaults());
    }

    /**
     * A node whose Raft snapshot/log settings and shard storage settings differ from the defaults:
     * tests shorten snapshot intervals and journal cycles to watch them purge.
     */
    StrataNode(NodeConfig config, Clock clock, UnaryOperator<RaftNodeSettings> raftTuning,
            ShardStoreSettings shardSettings) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.raftTuning = Objects.requireNonNull(raftTuning, "raftTuning");
        this.shards = new ShardStoreReplicas(shardSettings);
    }

    public NodeConfig config() {
        return config;
    }

    public synchronized void start() throws Exception {
        try {
            startComponents();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        health.ready(HealthStatus.STARTUP);
        LOG.info("Node {} (zone {}) started: gRPC {}, Raft {}, HTTP {}, metrics {}", config.nodeId(), config.zone(),
                config.grpcAddress(), config.raftAddress(), config.httpAddress(),
                observability.address().getHostString() + ":" + observability.address().getPort());
    }

    private void startComponents() throws Exception {
        Files.createDirectories(config.nodeDirectory());
        MetadataPaths paths = new MetadataPaths(config.zooKeeperRoot());

        // First, so that probes see a live (not yet ready) node while it starts.
        metrics = new StrataMetrics(config.nodeId(), config.zone());
        started.push(metrics);
        observability = ObservabilityHttpServer.start(new InetSocketAddress(config.host(), config.metricsPort()),
                metrics, health);
        started.push(observability);

        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(config.zooKeeperConnect())
                .sessionTimeoutMs((int) config.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) CONNECT_TIMEOUT.toMillis())
                .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
                .build();
        curator.start();
        started.push(curator);
        if (!curator.blockUntilConnected((int) CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IOException("Cannot connect to ZooKeeper at " + config.zooKeeperConnect() + " within "
                    + CONNECT_TIMEOUT);
        }

        raftNode = new RaftNode(raftTuning.apply(RaftNodeSettings.defaults(
                new NodeEndpoint(config.nodeId(), config.host(), config.raftPort()),
                config.nodeDirectory().resolve("raft")).withLogWrites(config.raftLogWrites())), shards);
        raftNode.start();
        started.push(raftNode);

        CatalogStore catalogStore = new CatalogStore(curator, paths);
        routing = new RoutingCache(curator, paths, clock);
        routing.start();
        started.push(routing);

        MembershipRegistry membership = new MembershipRegistry(curator, paths, new NodeRegistration(config.nodeId(),
                config.zone(), NodeAddresses.of(config.raftAddress(), config.grpcAddress(), config.httpAddress())));
        membership.start();
        started.push(membership);

        clusterManager = new ClusterManager(curator, paths, config.nodeId(), config.groupCount(),
                config.departureGrace(), clock);
        clusterManager.start();
        started.push(clusterManager);

        assignments = new GroupAssignments(config.nodeId(), raftNode, routing, new PlacementProgress(curator, paths),
                config.moveGroups());
        assignments.start();
        started.push(assignments);

        StrataMetrics commitLatencies = metrics;
        GroupClients groupClients = new GroupClients(config.writeTimeout(),
                group -> commitLatencies.raftCommitLatency(group.toString()), System::nanoTime);
        started.push(groupClients);
        ExecutorService completions = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("write-completion-" + config.nodeId() + "-", 0).factory());
        started.push(completions::shutdownNow);

        DatabaseCatalog databases = new DatabaseCatalog(catalogStore, config.arns(), clock);
        tables = new TableCatalog(catalogStore, routing, config.arns(), clock,
                () -> UUID.randomUUID().toString());
        StrataMetrics recorded = metrics;
        WriteCoordinator coordinator = new WriteCoordinator(tables, routing, groupClients, clock, completions,
                (tier, count) -> recorded.recordsIngested(tier, count), config.writeBatching());

        AdminEngine admin = new AdminEngine(databases, tables, new ResourceTags(databases, tables, config.arns()));
        writeAdmission = new WriteAdmission(config.maxInFlightWriteBytes());
        WriteEngine writes = new WriteEngine(coordinator, metrics, System::nanoTime, writeAdmission);
        QueryServices queryServices = new QueryServices(config.nodeId(), catalogStore, routing, databases, tables,
                groupClients,
                shards::replica, group -> raftNode.status(group).flatMap(GroupStatus::leaderId),
                QuerySettings.defaults(), clock);
        started.push(queryServices);
        QueryEngine queries = new QueryEngine(queryServices.coordinator(), metrics, System::nanoTime);

        ClusterStatusReader clusterStatus = new ClusterStatusReader(config.nodeId(), routing,
                new GroupPeerInspector(CLUSTER_STATUS_PEER_TIMEOUT));
        grpcServer = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.grpcPort()))
                .addService(new AdminGrpcService(admin, config.grpcAddress(), clusterStatus::describe))
                .addService(new WriteGrpcService(writes))
                .addService(new QueryGrpcService(queries))
                .addService(queryServices.shardService())
                .addService(new ReplicaInspectionGrpcService(config.nodeId(), raftNode, shards::replica, tables))
                .build()
                .start();
        Server server = grpcServer;
        started.push(() -> {
            server.shutdown();
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        });

        HttpEndpointConfig http = new HttpEndpointConfig(config.host(), config.httpPort(),
                HttpEndpointConfig.DEFAULT_MAX_BODY_BYTES, 4, 64, Duration.ofSeconds(30), Duration.ofMinutes(2),
                Optional.empty(), Duration.ofMinutes(1440), config.accessKeys(), Duration.ofMinutes(5));
        httpServer = TimestreamHttpServer.start(http, TimestreamOperations.registry(admin, writes, queries), clock);
        started.push(httpServer);

        readiness = new NodeReadiness(config.nodeId(), routing, assignments, raftNode);
        RaftGroupGauges groupGauges = new RaftGroupGauges(raftNode, config.nodeDirectory().resolve("raft"), metrics,
                shards, clock);
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("node-monitor-" + config.nodeId()).daemon().factory());
        monitor.scheduleWithFixedDelay(() -> {
            try {
                readiness.report(health);
                groupGauges.refresh();
                clusterStatus.observe();
            } catch (RuntimeException e) {
                LOG.warn("{}: updating readiness and group metrics failed, retrying", config.nodeId(), e);
            }
        }, 0, MONITOR_MILLIS, TimeUnit.MILLISECONDS);
        started.push(groupGauges);
        started.push(() -> {
            monitor.shutdownNow();
            monitor.awaitTermination(10, TimeUnit.SECONDS);
        });
    }

    /**
     * Whether this node can take part in writes now: the routing view is fresh, the node is a
     * registered member, a placement exists, and every group the placement gives this node is hosted
     * here and knows its leader (what {@code /health/ready} answers, evaluated now).
     */
    public boolean ready() {
        NodeReadiness current = readiness;
        return current != null && current.failures().isEmpty();
    }

    /** The bound address of {@code /metrics} and {@code /health/*} (the actual port when configured 0). */
    public InetSocketAddress metricsAddress() {
        return observability.address();
    }

    /** This node's meters: what {@code /metrics} serves. */
    public StrataMetrics metrics() {
        return metrics;
    }

    /** The groups the placement gives this node. */
    public List<GroupId> assignedGroups() {
        return assignments.assigned();
    }

    /** This node's replicas, to read what they hold (tests, diagnostics). */
    public ShardStoreReplicas shards() {
        return shards;
    }

    /** The table catalog as this node sees it (table ids for scans in tests). */
    TableCatalog tables() {
        return tables;
    }

    /** The node's bound on WriteRecords requests in progress (how many it refused, tests). */
    WriteAdmission writeAdmission() {
        return writeAdmission;
    }

    /** Whether this node is the elected cluster manager now (the one that writes the placement). */
    public boolean managesCluster() {
        ClusterManager current = clusterManager;
        return current != null && current.isLeader();
    }

    public RaftNode raftNode() {
        return raftNode;
    }

    /** Stops every component, newest first; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (!started.isEmpty()) {
            health.notReady(HealthStatus.STARTUP, "the node is stopping");
        }
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("{}: stopping {} failed", config.nodeId(), component, e);
            }
        }
    }
}
