package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.observability.Exposition;
import io.strata.observability.PrometheusTextParser.Sample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.timestreamquery.TimestreamQueryClient;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.Dimension;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValueType;
import software.amazon.awssdk.services.timestreamwrite.model.Record;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecordsException;

/**
 * Every node of a three-node cluster serves {@code /metrics} and {@code /health/*} on its metrics
 * port; scrapes parse with the strict Prometheus text parser, and the write counters move by exactly
 * what was written through either API.
 */
class NodeObservabilityClusterTest {
    @TempDir
    static Path directory;

    static TestCluster cluster;
    static HttpClient http;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(directory, (ordinal, config) -> config);
        cluster.awaitReady();
        http = HttpClient.newHttpClient();
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
    void everyNodeIsLiveAndReadyOnceItHostsItsGroups() throws Exception {
        for (int node = 0; node < 3; node++) {
            int ordinal = node;
            await("node " + node + " ready").atMost(TestCluster.WAIT).untilAsserted(() ->
                    assertThat(get(ordinal, "/health/ready").statusCode()).isEqualTo(200));
            HttpResponse<String> ready = get(node, "/health/ready");
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            assertThat(get(node, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachGroupHasExactlyOneLeaderGaugeAcrossTheNodes() {
        await("one leader per group in the gauges").atMost(TestCluster.WAIT).untilAsserted(() -> {
            Map<String, Double> leadersByGroup = new HashMap<>();
            for (int node = 0; node < 3; node++) {
                List<Sample> leader = scrape(node).samples("strata_raft_leader");
                assertThat(leader).as("node %d", node).hasSize(TestCluster.GROUPS);
                leader.forEach(sample -> leadersByGroup.merge(sample.labels().get("group"), sample.value(), Double::sum));
                assertThat(scrape(node).samples("strata_raft_log_size_bytes"))
                        .hasSize(TestCluster.GROUPS)
                        .allSatisfy(sample -> assertThat(sample.value()).isPositive());
            }
            assertThat(leadersByGroup).hasSize(TestCluster.GROUPS).allSatisfy((group, leaders) ->
                    assertThat(leaders).as(group).isEqualTo(1.0));
        });
    }

    @Test
    void writeCountersMoveByExactlyWhatWasWrittenThroughBothApis() throws Exception {
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("metered").build());
        cluster.admin(1).createTable(CreateTableRequest.newBuilder().setDatabaseName("metered").setTableName("cpu").build());
        long time = Instant.now().toEpochMilli();
        List<Exposition> before = scrapeAll();

        cluster.writes(1).writeRecords(Requests.cpuRecords("metered", "cpu", 0, 3, time));
        try (TimestreamWriteClient client = sdk(0)) {
            client.writeRecords(request -> request.databaseName("metered").tableName("cpu")
                    .records(cpu("host-10", "1.0", time), cpu("host-11", "2.0", time), cpu("host-12", "3.0", time),
                            cpu("host-13", "4.0", time), cpu("host-14", "5.0", time)));
        }
        try (TimestreamWriteClient client = sdk(2)) {
            RejectedRecordsException rejected = catchThrowableOfType(RejectedRecordsException.class,
                    () -> client.writeRecords(request -> request.databaseName("metered").tableName("cpu")
                            .records(cpu("host-20", "1.0", time), cpu("host-0", "99.0", time))));
            assertThat(rejected.rejectedRecords()).hasSize(1);
        }

        List<Exposition> after = scrapeAll();
        assertThat(delta(before, after, 1, "strata_write_requests_total", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, 0, "strata_write_requests_total", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, 2, "strata_write_requests_total", "outcome", "rejected_records")).isEqualTo(1);
        assertThat(total(before, after, "strata_write_requests_total", "outcome", "success")).isEqualTo(2);
        assertThat(total(before, after, "strata_write_requests_total", "outcome", "rejected_records")).isEqualTo(1);
        assertThat(total(before, after, "strata_write_requests_total", "outcome", "error")).isZero();
        assertThat(total(before, after, "strata_records_ingested_total", "store", "memory")).isEqualTo(9);
        assertThat(total(before, after, "strata_records_ingested_total", "store", "magnetic")).isZero();
        assertThat(total(before, after, "strata_records_rejected_total", "reason", "version_conflict")).isEqualTo(1);
        assertThat(total(before, after, "strata_records_rejected_total", "reason", "outside_time_window")).isZero();
        assertThat(total(before, after, "strata_ingest_latency_seconds_count")).isEqualTo(3);
        assertThat(after.get(2).value("strata_ingest_latency_seconds_sum", "node", "node-c")
                - before.get(2).value("strata_ingest_latency_seconds_sum", "node", "node-c")).isPositive();
    }

    @Test
    void aRequestLevelErrorCountsAsOneErrorAndNoRecord() throws Exception {
        List<Exposition> before = scrapeAll();
        try (TimestreamWriteClient client = sdk(1)) {
            catchThrowableOfType(software.amazon.awssdk.services.timestreamwrite.model.ResourceNotFoundException.class,
                    () -> client.writeRecords(request -> request.databaseName("absent").tableName("absent")
                            .records(cpu("host-1", "1.0", Instant.now().toEpochMilli()))));
        }
        List<Exposition> after = scrapeAll();
        assertThat(delta(before, after, 1, "strata_write_requests_total", "outcome", "error")).isEqualTo(1);
        assertThat(total(before, after, "strata_records_ingested_total", "store", "memory")).isZero();
        assertThat(total(before, after, "strata_write_requests_total", "outcome", "success")).isZero();
    }

    @Test
    void aQueryPageCountsOnceOnTheNodeThatCoordinatedIt() throws Exception {
        List<Exposition> before = scrapeAll();
        try (TimestreamQueryClient client = TimestreamQueryClient.builder()
                .endpointOverride(URI.create("http://" + cluster.config(2).httpAddress()))
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build()) {
            assertThat(client.query(request -> request.queryString("SELECT 1")).rows()).hasSize(1);
        }
        List<Exposition> after = scrapeAll();
        assertThat(delta(before, after, 2, "strata_query_latency_seconds_count")).isEqualTo(1);
        assertThat(total(before, after, "strata_query_latency_seconds_count")).isEqualTo(1);
    }

    private static double total(List<Exposition> before, List<Exposition> after, String sample, String... labels) {
        double sum = 0;
        for (int node = 0; node < 3; node++) {
            sum += delta(before, after, node, sample, labels);
        }
        return sum;
    }

    private static double delta(List<Exposition> before, List<Exposition> after, int node, String sample,
            String... labels) {
        return after.get(node).value(sample, labels) - before.get(node).value(sample, labels);
    }

    private static List<Exposition> scrapeAll() throws Exception {
        List<Exposition> scrapes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            scrapes.add(scrape(node));
        }
        return scrapes;
    }

    private static Exposition scrape(int node) throws IOException, InterruptedException {
        HttpResponse<String> response = get(node, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        return Exposition.parse(response.body());
    }

    private static HttpResponse<String> get(int node, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + cluster.node(node).metricsAddress().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static TimestreamWriteClient sdk(int node) {
        return TimestreamWriteClient.builder()
                .endpointOverride(URI.create("http://" + cluster.config(node).httpAddress()))
                .endpointDiscoveryEnabled(false)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Record cpu(String host, String value, long timeMillis) {
        return Record.builder()
                .dimensions(Dimension.builder().name("host").value(host).build(),
                        Dimension.builder().name("region").value("r0").build())
                .measureName("cpu").measureValue(value).measureValueType(MeasureValueType.DOUBLE)
                .time(Long.toString(timeMillis)).build();
    }
}
