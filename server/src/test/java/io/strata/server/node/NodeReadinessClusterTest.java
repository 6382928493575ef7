package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} follows what a load balancer needs to know: a node whose ZooKeeper is gone
 * answers 503 naming the {@code zookeeper} check (and stays live), and answers 200 again once
 * ZooKeeper is back and the node has caught up with it.
 */
class NodeReadinessClusterTest {
    @TempDir
    Path directory;

    @Test
    void readinessFailsWhileZooKeeperIsGoneAndRecoversAfter() throws Exception {
        try (TestCluster cluster = new TestCluster(directory, (ordinal, config) -> config);
             HttpClient http = HttpClient.newHttpClient()) {
            cluster.awaitReady();
            for (int node = 0; node < 3; node++) {
                int ordinal = node;
                // /health/ready is refreshed every 500 ms, so it may trail StrataNode.ready() briefly.
                await("node " + node + " ready").atMost(TestCluster.WAIT).untilAsserted(() ->
                        assertThat(get(http, cluster, ordinal, "/health/ready").statusCode()).isEqualTo(200));
            }

            cluster.stopZooKeeper();
            for (int node = 0; node < 3; node++) {
                int ordinal = node;
                await("node " + node + " not ready without ZooKeeper").atMost(TestCluster.WAIT).untilAsserted(() -> {
                    HttpResponse<String> ready = get(http, cluster, ordinal, "/health/ready");
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(ready.body()).contains("\"status\":\"DOWN\"", "\"zookeeper\":\"the cluster metadata is stale");
                });
                assertThat(get(http, cluster, node, "/health/live").statusCode()).isEqualTo(200);
            }

            cluster.restartZooKeeper();
            for (int node = 0; node < 3; node++) {
                int ordinal = node;
                await("node " + node + " ready again").atMost(TestCluster.WAIT).untilAsserted(() ->
                        assertThat(get(http, cluster, ordinal, "/health/ready").statusCode()).isEqualTo(200));
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, TestCluster cluster, int node, String path)
            throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + cluster.node(node).metricsAddress().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
