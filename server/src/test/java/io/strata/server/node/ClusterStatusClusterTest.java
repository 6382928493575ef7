package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.cli.CommandEnvironment;
import io.strata.cli.admin.AdminCommand;
import io.strata.cli.testing.CommandRun;
import io.strata.client.StrataClient;
import io.strata.observability.Exposition;
import io.strata.raft.GroupId;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real three-node cluster: the shard gauges of {@code /metrics} count what each node's replicas
 * hold, and {@code strata admin cluster status} shows every group with three peers in three zones,
 * one leader and no lag once writes settle, then a stopped node as not live and behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStatusClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 40;

    @TempDir
    static Path directory;

    static TestCluster cluster;
    static HttpClient http;

    @BeforeAll
    static void startClusterAndWrite() throws Exception {
        cluster = new TestCluster(directory);
        cluster.awaitReady();
        http = HttpClient.newHttpClient();
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("status").build());
        cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName("status").setTableName("cpu").build());
        cluster.writes(0).writeRecords(Requests.cpuRecords("status", "cpu", 0, RECORDS, Instant.now().toEpochMilli()));
        cluster.awaitIdenticalReplicas("status", "cpu", RECORDS, 0, 1, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (http != null) {
            http.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void memoryStoreGaugesCountTheRowsOfEachGroupOnEveryNode() throws Exception {
        String tableId = cluster.tableId("status", "cpu");
        await("shard gauges match the replicas").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                Exposition scrape = scrape(node);
                double total = 0;
                for (GroupId group : cluster.groups()) {
                    int held = cluster.replica(node, group, tableId).size();
                    double rows = scrape.value("strata_memory_store_rows", "group", group.toString());
                    assertThat(rows).as("node %d, %s", node, group).isEqualTo(held);
                    if (held > 0) {
                        assertThat(scrape.value("strata_memory_store_size_bytes", "group", group.toString()))
                                .isPositive();
                    }
                    assertThat(scrape.value("strata_magnetic_segments", "group", group.toString())).isZero();
                    assertThat(scrape.value("strata_migration_lag_seconds", "group", group.toString())).isZero();
                    assertThat(scrape.value("strata_raft_applied_index", "group", group.toString())).isPositive();
                    assertThat(scrape.value("strata_raft_commit_index", "group", group.toString()))
                            .isGreaterThanOrEqualTo(scrape.value("strata_raft_applied_index", "group", group.toString()));
                    total += rows;
                }
                assertThat(total).as("node %d", node).isEqualTo(RECORDS);
            }
        });
        double commits = scrape(0).samples("strata_raft_commit_latency_seconds_count").stream()
                .mapToDouble(sample -> sample.value()).sum();
        assertThat(commits).as("commit latencies recorded where the write was coordinated").isPositive();
    }

    @Test
    @Order(2)
    void clusterStatusShowsThreePeersInThreeZonesOneLeaderAndNoLag() {
        await("no lag once writes settle").atMost(TestCluster.WAIT).untilAsserted(() -> {
            JsonNode status = status(1);
            assertThat(status.get("AnsweredBy").asText()).isEqualTo("node-b");
            List<String> nodes = new ArrayList<>();
            for (JsonNode node : status.get("Nodes")) {
                nodes.add(node.get("NodeId").asText() + "/" + node.get("Zone").asText() + "/"
                        + node.get("Live").asBoolean() + "/" + node.get("Ready").asBoolean());
                assertThat(node.get("GrpcAddress").asText()).contains(":");
            }
            assertThat(nodes).containsExactly("node-a/a/true/true", "node-b/b/true/true", "node-c/c/true/true");
            assertThat(status.get("Groups")).hasSize(TestCluster.GROUPS);
            Set<String> groupIds = new HashSet<>();
            for (JsonNode group : status.get("Groups")) {
                groupIds.add(group.get("GroupId").asText());
                Set<String> zones = new HashSet<>();
                int leaders = 0;
                for (JsonNode peer : group.get("Peers")) {
                    zones.add(peer.get("Zone").asText());
                    leaders += peer.get("Leader").asBoolean() ? 1 : 0;
                    assertThat(peer.get("Reachable").asBoolean()).isTrue();
                    assertThat(peer.get("LagEntries").asLong()).as(peer.toString()).isZero();
                    assertThat(peer.get("AppliedIndex").asLong()).isPositive();
                }
                assertThat(group.get("Peers")).hasSize(3);
                assertThat(zones).containsExactlyInAnyOrder("a", "b", "c");
                assertThat(leaders).isEqualTo(1);
                assertThat(group.get("Leader").asText()).isNotEmpty();
            }
            assertThat(groupIds).isEqualTo(cluster.groups().stream().map(GroupId::toString)
                    .collect(java.util.stream.Collectors.toSet()));
        });

        CommandRun table = run(1, "cluster", "status");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Cluster as seen by node-b").contains("node-c").contains("leader")
                .contains(TestCluster.GROUPS + " groups, each with a leader");
    }

    @Test
    @Order(3)
    void aStoppedNodeShowsNotLiveUnreachableAndBehind() {
        cluster.stop(2);
        cluster.writes(0).writeRecords(Requests.cpuRecords("status", "cpu", RECORDS, RECORDS,
                Instant.now().toEpochMilli()));

        await("node-c reported down and behind").atMost(TestCluster.WAIT).untilAsserted(() -> {
            JsonNode status = status(0);
            for (JsonNode node : status.get("Nodes")) {
                boolean stopped = node.get("NodeId").asText().equals("node-c");
                assertThat(node.get("Live").asBoolean()).as(node.toString()).isEqualTo(!stopped);
                if (stopped) {
                    assertThat(node.get("Zone").asText()).isEqualTo("c");
                    assertThat(node.get("Ready").asBoolean()).isFalse();
                }
            }
            for (JsonNode group : status.get("Groups")) {
                assertThat(group.get("Leader").asText()).isIn("node-a", "node-b");
                for (JsonNode peer : group.get("Peers")) {
                    if (peer.get("NodeId").asText().equals("node-c")) {
                        assertThat(peer.get("Reachable").asBoolean()).isFalse();
                        assertThat(peer.get("Error").asText()).isNotEmpty();
                        assertThat(peer.get("LagEntries").asLong()).as(group.toString()).isPositive();
                    } else {
                        assertThat(peer.get("Reachable").asBoolean()).isTrue();
                        assertThat(peer.get("LagEntries").asLong()).isZero();
                    }
                }
            }
        });
    }

    @Test
    @Order(4)
    void anUnreachableNodeIsOneLineAndExitCodeTwo() {
        CommandRun run = CommandRun.of(new AdminCommand(environment(List.of("127.0.0.1:" + TestCluster.freePort()))),
                "cluster", "status");

        assertThat(run.exitCode()).isEqualTo(AdminCommand.CONNECTION_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("127.0.0.1:");
    }

    private static JsonNode status(int node) throws Exception {
        CommandRun run = run(node, "cluster", "status", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static CommandRun run(int node, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--endpoint");
        arguments.add(cluster.config(node).grpcAddress());
        return CommandRun.of(new AdminCommand(environment(List.of())), arguments.toArray(String[]::new));
    }

    private static CommandEnvironment environment(List<String> override) {
        return new CommandEnvironment(
                endpoints -> StrataClient.builder().endpoints(override.isEmpty() ? endpoints : override)
                        .retryPolicy(CommandEnvironment.INTERACTIVE_RETRIES).build(),
                new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), false, directory.resolve(".history"));
    }

    private static Exposition scrape(int node) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + cluster.node(node).metricsAddress().getPort() + "/metrics");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Exposition.parse(response.body());
    }
}
