package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a load balancer or orchestrator sees on /health/live and /health/ready as the node's state changes. */
class HealthEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private StrataMetrics metrics;
    private HealthStatus health;
    private ObservabilityHttpServer server;
    private ObservabilityClient client;

    @BeforeEach
    void start() throws Exception {
        metrics = new StrataMetrics("node-a", "a");
        health = new HealthStatus();
        server = ObservabilityHttpServer.start(new InetSocketAddress("127.0.0.1", 0), metrics, health);
        client = new ObservabilityClient(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        metrics.close();
    }

    @Test
    void aStartingNodeIsLiveButNotReady() throws Exception {
        assertHealth("/health/live", 200, "UP", Map.of());
        assertHealth("/health/ready", 503, "DOWN", Map.of(HealthStatus.STARTUP, "the node is starting"));
    }

    @Test
    void readinessFlipsWithItsChecksAndListsEveryReason() throws Exception {
        health.ready(HealthStatus.STARTUP);
        assertHealth("/health/ready", 200, "UP", Map.of());

        health.notReady("zookeeper", "no ZooKeeper session (zk1:2181,zk2:2181,zk3:2181)");
        health.notReady("raft", "2 of 8 groups have no leader");
        assertHealth("/health/ready", 503, "DOWN", Map.of(
                "zookeeper", "no ZooKeeper session (zk1:2181,zk2:2181,zk3:2181)",
                "raft", "2 of 8 groups have no leader"));
        assertHealth("/health/live", 200, "UP", Map.of());

        health.ready("zookeeper");
        assertHealth("/health/ready", 503, "DOWN", Map.of("raft", "2 of 8 groups have no leader"));
        health.ready("raft");
        assertHealth("/health/ready", 200, "UP", Map.of());
    }

    @Test
    void aLivenessFailureMakesTheNodeNeitherLiveNorReady() throws Exception {
        health.ready(HealthStatus.STARTUP);
        health.notLive("storage", "journal write failed: No space left on device");

        assertHealth("/health/live", 503, "DOWN", Map.of("storage", "journal write failed: No space left on device"));
        assertHealth("/health/ready", 503, "DOWN", Map.of("storage", "journal write failed: No space left on device"));

        health.live("storage");
        assertHealth("/health/live", 200, "UP", Map.of());
        assertHealth("/health/ready", 200, "UP", Map.of());
    }

    private void assertHealth(String path, int status, String word, Map<String, String> reasons) throws Exception {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo(word);
        Map<String, String> actual = JSON.convertValue(body.get("reasons"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(reasons);
    }
}
