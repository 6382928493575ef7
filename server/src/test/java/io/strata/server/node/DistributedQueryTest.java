package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.strata.internal.v1.FragmentRequest;
import io.strata.internal.v1.FragmentResult;
import io.strata.internal.v1.PlanFragment;
import io.strata.internal.v1.ShardQueryServiceGrpc;
import io.strata.query.plan.DistributedPlanner;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.ShardFragment;
import java.util.Iterator;
import io.grpc.ManagedChannel;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionSettings;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Datum;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.Record;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Schema;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.StrataException;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.CatalogSnapshot;
import io.strata.query.catalog.TableName;
import io.strata.query.execution.QueryContext;
import io.strata.query.execution.QueryExecutor;
import io.strata.query.execution.QueryLimits;
import io.strata.query.execution.QueryResult;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.SqlType;
import io.strata.query.analysis.QueryAnalyzer;
import io.strata.query.operator.ScanSource;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.parse.SqlParser;
import io.strata.raft.GroupId;
import io.strata.raft.query.ShardScanSource;
import io.strata.raft.query.ShardTable;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.tier.shard.ScanRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries through the public gRPC QueryService of a three-node cluster (real ZooKeeper, Ratis and
 * Chronicle-journaled shard stores), over rows written through the public WriteService: the
 * user-workload queries give the same answer as the local engine over the very rows the group
 * leaders store; pages return every row once and in order; tokens are tied to their node and
 * query; metadata statements answer from the catalog; analysis errors keep their line:column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedQueryTest {
    private static final int DEVICES = 12;
    private static final int POINTS = 12;
    private static final int HOSTS = 100;
    private static final int HOST_POINTS = 100;
    private static final FunctionResolver FUNCTIONS = FunctionResolver.builtIn();

    @TempDir
    static Path data;

    private TestCluster cluster;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private long nowMillis;

    @BeforeAll
    void startClusterAndWrite() throws Exception {
        cluster = new TestCluster(data);
        cluster.awaitReady();
        for (int i = 0; i < 3; i++) {
            channels.add(NettyChannelBuilder.forTarget(cluster.node(i).config().grpcAddress()).usePlaintext().build());
        }
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("IoTMetrics").build());
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("iot_sensor_data").build());
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("devops").build());
        Schema byDevice = Schema.newBuilder().addCompositePartitionKey(PartitionKey.newBuilder()
                .setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION).setName("device_id")
                .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED)).build();
        cluster.admin(1).createTable(CreateTableRequest.newBuilder().setDatabaseName("IoTMetrics")
                .setTableName("SensorReadings").setSchema(byDevice).build());
        cluster.admin(1).createTable(CreateTableRequest.newBuilder().setDatabaseName("iot_sensor_data")
                .setTableName("sensor_readings").build());
        cluster.admin(1).createTable(CreateTableRequest.newBuilder().setDatabaseName("devops")
                .setTableName("machine_metrics").build());
        cluster.admin(2).createTable(CreateTableRequest.newBuilder().setDatabaseName("devops")
                .setTableName("cpu").build());

        // Every point lies within the last four minutes, so each window the queries use (5 minutes
        // and more) holds all of them while the test runs.
        nowMillis = System.currentTimeMillis();
        for (int device = 0; device < DEVICES; device++) {
            List<Record> sensorReadings = new ArrayList<>();
            List<Record> warehouse = new ArrayList<>();
            List<Record> machines = new ArrayList<>();
            for (int point = 0; point < POINTS; point++) {
                long time = nowMillis - 20_000 - point * 15_000L;
                double temperature = 20 + device * 2.5 + point * 0.75;
                List<Dimension> dimensions = List.of(dimension("device_id", "sensor-" + String.format("%03d", device)),
                        dimension("location", "hall-" + device % 4), dimension("region", "region-" + device % 3));
                sensorReadings.add(multi(dimensions, "temperature", time, measure("temperature", temperature)));
                sensorReadings.add(multi(dimensions, "sensor_metrics", time, measure("temperature", temperature),
                        measure("humidity", 40 + point), bigint("battery_level", 100 - device * 8 - point)));
                warehouse.add(multi(dimensions, "sensor_metrics", time, measure("temperature", temperature),
                        measure("humidity", 40.5 + point), measure("pressure", 1000 + device),
                        bigint("battery_level", 100 - device * 8 - point)));
                machines.add(multi(List.of(dimension("machine", "m-" + device)), "metrics", time,
                        measure("pressure", 90 + device * 2 + point), measure("temperature", temperature)));
            }
            write(device % 3, "IoTMetrics", "SensorReadings", sensorReadings);
            write((device + 1) % 3, "iot_sensor_data", "sensor_readings", warehouse);
            write((device + 2) % 3, "devops", "machine_metrics", machines);
        }
        for (int host = 0; host < HOSTS; host++) {
            // One request per host: HOST_POINTS points of one series (Timestream allows 100 records a request).
            List<Record> records = new ArrayList<>();
            for (int point = 0; point < HOST_POINTS; point++) {
                records.add(Requests.cpuRecords("devops", "cpu", host, 1, nowMillis - 60_000 - point * 1_000L)
                        .getRecords(0));
            }
            write(host % 3, "devops", "cpu", records);
        }
        // Each write grew its table's schema in ZooKeeper; wait until every node's cached catalog has it.
        Map<TableName, List<String>> columns = Map.of(
                new TableName("IoTMetrics", "SensorReadings"), List.of("device_id", "temperature", "humidity", "battery_level"),
                new TableName("iot_sensor_data", "sensor_readings"), List.of("location", "pressure", "battery_level"),
                new TableName("devops", "machine_metrics"), List.of("machine", "pressure", "temperature"),
                new TableName("devops", "cpu"), List.of("host", "region", "measure_value::double"));
        await("every node's catalog has every column").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                for (Map.Entry<TableName, List<String>> table : columns.entrySet()) {
                    assertThat(cluster.node(node).tables().writable(table.getKey().database(), table.getKey().table())
                            .schema().columns()).extracting(io.strata.core.schema.TableColumn::name)
                            .containsAll(table.getValue());
                }
            }
        });
    }

    @AfterAll
    void stopCluster() throws Exception {
        channels.forEach(ManagedChannel::shutdownNow);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void userWorkloadQueriesGiveTheLocalEnginesAnswerOverTheStoredRows() {
        List<String> queries = List.of(
                """
                SELECT device_id, MAX(temperature) AS max_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND time > ago(5m)
                GROUP BY device_id HAVING MAX(temperature) > 40.0 ORDER BY max_temp DESC""",
                """
                SELECT device_id, AVG(temperature) AS avg_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND time > ago(1h)
                GROUP BY device_id ORDER BY avg_temp DESC""",
                """
                SELECT bin(time, 5m) AS time_bucket, device_id,
                       AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp, MIN(temperature) AS min_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND time > ago(6h)
                GROUP BY bin(time, 5m), device_id ORDER BY time_bucket ASC""",
                """
                SELECT device_id,
                       INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, measure_value::double),
                                          SEQUENCE(min(time), max(time), 1m)) AS interpolated_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND device_id = 'sensor-001' AND time > ago(2h)
                GROUP BY device_id""",
                """
                SELECT bin(time, 5m) AS bucket, device_id, ROUND(AVG(temperature), 2) AS avg_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND time > ago(1h)
                GROUP BY bin(time, 5m), device_id ORDER BY bucket ASC""",
                """
                SELECT device_id, location,
                       MAX_BY(temperature, time) AS latest_temperature,
                       MAX_BY(humidity, time) AS latest_humidity,
                       MAX_BY(battery_level, time) AS latest_battery
                FROM iot_sensor_data.sensor_readings
                WHERE time > ago(1h)
                GROUP BY device_id, location ORDER BY device_id""",
                """
                SELECT device_id, BIN(time, 15m) AS interval,
                       AVG(temperature) AS avg_temp, MIN(temperature) AS min_temp, MAX(temperature) AS max_temp
                FROM iot_sensor_data.sensor_readings
                WHERE time > ago(24h) AND measure_name = 'sensor_metrics'
                GROUP BY device_id, BIN(time, 15m) ORDER BY device_id, interval DESC""",
                """
                WITH device_stats AS (
                  SELECT device_id, AVG(temperature) AS avg_temp, STDDEV(temperature) AS stddev_temp
                  FROM iot_sensor_data.sensor_readings WHERE time > ago(7d) GROUP BY device_id)
                SELECT r.device_id, r.time, r.temperature, s.avg_temp, s.stddev_temp,
                       ABS(r.temperature - s.avg_temp) / s.stddev_temp AS z_score
                FROM iot_sensor_data.sensor_readings r JOIN device_stats s ON r.device_id = s.device_id
                WHERE r.time > ago(1h) AND ABS(r.temperature - s.avg_temp) > 1.2 * s.stddev_temp
                ORDER BY z_score DESC""",
                """
                SELECT device_id, location,
                       MAX_BY(battery_level, time) AS current_battery,
                       MIN_BY(battery_level, time) AS battery_24h_ago,
                       MAX_BY(battery_level, time) - MIN_BY(battery_level, time) AS drain_rate
                FROM iot_sensor_data.sensor_readings
                WHERE time > ago(24h)
                GROUP BY device_id, location HAVING MAX_BY(battery_level, time) < 20
                ORDER BY drain_rate DESC""",
                """
                SELECT device_id, location, MAX(temperature) AS max_temp
                FROM iot_sensor_data.sensor_readings
                WHERE time > ago(1h) AND temperature > 40
                GROUP BY device_id, location ORDER BY max_temp DESC""",
                "SELECT avg(temperature) FROM machine_metrics WHERE time BETWEEN ago(1h) AND now()",
                "SELECT * FROM machine_metrics WHERE pressure > 100 AND time BETWEEN ago(5m) AND now()",
                """
                SELECT bin(time, 1m) AS time, device_id AS metric, AVG(temperature) AS value
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND time BETWEEN from_milliseconds(1700000000000)
                  AND from_milliseconds(1700003600000)
                GROUP BY bin(time, 1m), device_id ORDER BY time ASC""",
                "SELECT region, count(*) AS points, sum(measure_value::double) AS total FROM devops.cpu GROUP BY region",
                "SELECT count(*) FROM devops.cpu WHERE host IN ('host-7', 'host-42') AND time > ago(1h)",
                """
                SELECT device_id,
                       INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, temperature),
                                          SEQUENCE(min(time), max(time), 1m)) AS interpolated_temp
                FROM "IoTMetrics"."SensorReadings"
                WHERE measure_name = 'temperature' AND device_id = 'sensor-001' AND time > ago(2h)
                GROUP BY device_id""");
        Map<TableName, ScanSource> stored = storedRows();
        CatalogSnapshot catalog = catalogOfTheCluster();
        List<String> refused = new ArrayList<>();
        for (String sql : queries) {
            Outcome cluster = clusterOutcome(0, sql);
            Outcome local = localOutcome(catalog, stored, sql);
            assertThat(cluster).as(sql).isEqualTo(local);
            if (cluster.error() != null) {
                refused.add(cluster.error());
            }
        }
        // This table's 'temperature' records are multi-measure, so it has no measure_value::double
        // column and the verbatim interpolation query is refused, as Timestream refuses it. Over a
        // table with single-measure DOUBLE records it is answered: QueryCorpusClusterTest.
        assertThat(refused).as("queries the engine refuses").containsExactly(
                "ValidationException: line 2:52: Column 'measure_value::double' cannot be resolved");

        // Hand-computed: the filter on the partition key, and the whole table.
        assertThat(clusterOutcome(1, "SELECT count(*) FROM \"IoTMetrics\".\"SensorReadings\" WHERE device_id = 'sensor-003'"
                + " AND measure_name = 'temperature'").rows()).containsExactly(List.of(Integer.toString(POINTS)));
        assertThat(clusterOutcome(2, "SELECT count(*) FROM devops.cpu").rows())
                .containsExactly(List.of(Integer.toString(HOSTS * HOST_POINTS)));
    }

    @Test
    void pagesReturnEveryRowOnceAndInOrder() {
        String sql = "SELECT host, time, measure_value::double FROM devops.cpu ORDER BY host, time";
        List<List<String>> expected = new ArrayList<>();
        List<Integer> hosts = new ArrayList<>();
        for (int host = 0; host < HOSTS; host++) {
            hosts.add(host);
        }
        hosts.sort(Comparator.comparing(host -> "host-" + host));
        for (int host : hosts) {
            for (int point = HOST_POINTS - 1; point >= 0; point--) {
                long nanos = (nowMillis - 60_000 - point * 1_000L) * 1_000_000L;
                expected.add(List.of("host-" + host, io.strata.query.function.time.TimestampText.format(nanos),
                        Double.toString(host + 0.5)));
            }
        }

        List<List<String>> received = new ArrayList<>();
        QueryResponse page = queries(1).query(QueryRequest.newBuilder().setQueryString(sql).setMaxRows(1000).build());
        String queryId = page.getQueryId();
        int pages = 1;
        String secondToken = null;
        List<Row> secondPage = null;
        received.addAll(text(page.getRowsList()));
        assertThat(page.getRowsCount()).isLessThanOrEqualTo(1000);
        while (page.hasNextToken()) {
            String token = page.getNextToken();
            page = queries(1).query(QueryRequest.newBuilder().setQueryString(sql).setMaxRows(1000).setNextToken(token).build());
            assertThat(page.getQueryId()).isEqualTo(queryId);
            assertThat(page.getRowsCount()).isLessThanOrEqualTo(1000);
            assertThat(page.getColumnInfoList()).extracting(ColumnInfo::getName)
                    .containsExactly("host", "time", "measure_value::double");
            if (secondToken == null) {
                secondToken = token;
                secondPage = page.getRowsList();
            }
            received.addAll(text(page.getRowsList()));
            pages++;
        }
        assertThat(received).hasSize(HOSTS * HOST_POINTS).isEqualTo(expected);
        assertThat(pages).isGreaterThanOrEqualTo(10);
        assertThat(page.getQueryStatus().getProgressPercentage()).isEqualTo(100.0);
        assertThat(page.getQueryStatus().getCumulativeBytesScanned()).isPositive();
        assertThat(page.getQueryStatus().getCumulativeBytesMetered())
                .isEqualTo(Math.max(page.getQueryStatus().getCumulativeBytesScanned(), 10L * 1024 * 1024));

        // A token presented again returns the same page.
        String token = secondToken;
        assertThat(queries(1).query(QueryRequest.newBuilder().setQueryString(sql).setMaxRows(1000).setNextToken(token)
                .build()).getRowsList()).isEqualTo(secondPage);

        // On another node, or with another query string: a clear ValidationException.
        StatusRuntimeException elsewhere = catchThrowableOfType(StatusRuntimeException.class, () -> queries(2).query(
                QueryRequest.newBuilder().setQueryString(sql).setMaxRows(1000).setNextToken(token).build()));
        assertThat(elsewhere.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(elsewhere).getErrorName()).isEqualTo("ValidationException");
        assertThat(detail(elsewhere).getMessage()).contains("Invalid pagination token")
                .contains("ran on node " + cluster.node(1).config().nodeId())
                .contains("this is node " + cluster.node(2).config().nodeId());
        StatusRuntimeException otherQuery = catchThrowableOfType(StatusRuntimeException.class, () -> queries(1).query(
                QueryRequest.newBuilder().setQueryString(sql + " LIMIT 5").setNextToken(token).build()));
        assertThat(detail(otherQuery).getMessage()).contains("Invalid pagination token").contains("QueryString differs");

        // Without MaxRows a page is filled up to 1 MB: all 10,000 short rows fit in one.
        QueryResponse whole = queries(0).query(QueryRequest.newBuilder().setQueryString(sql).build());
        assertThat(text(whole.getRowsList())).isEqualTo(expected);
        assertThat(whole.hasNextToken()).isFalse();

        // The query is finished: cancelling it says so.
        assertThat(queries(1).cancelQuery(CancelQueryRequest.newBuilder().setQueryId(queryId).build())
                .getCancellationMessage()).contains("already finished");
    }

    @Test
    void metadataStatementsAnswerFromTheCatalog() {
        assertThat(clusterOutcome(2, "SHOW DATABASES").rows())
                .containsExactly(List.of("IoTMetrics"), List.of("devops"), List.of("iot_sensor_data"));
        assertThat(clusterOutcome(0, "SHOW TABLES FROM devops").rows()).containsExactly(List.of("cpu"), List.of("machine_metrics"));
        assertThat(clusterOutcome(0, "SHOW TABLES FROM devops LIKE 'mach%'").rows()).containsExactly(List.of("machine_metrics"));

        QueryResponse describe = queries(1).query(QueryRequest.newBuilder().setQueryString("DESCRIBE devops.cpu").build());
        assertThat(describe.getColumnInfoList()).extracting(ColumnInfo::getName)
                .containsExactly("Column", "Type", "Timestream attribute type");
        assertThat(text(describe.getRowsList())).containsExactlyInAnyOrder(
                List.of("host", "varchar", "DIMENSION"),
                List.of("region", "varchar", "DIMENSION"),
                List.of("measure_name", "varchar", "MEASURE_NAME"),
                List.of("time", "timestamp", "TIMESTAMP"),
                List.of("measure_value::double", "double", "MEASURE_VALUE"));

        QueryResponse measures = queries(2).query(QueryRequest.newBuilder()
                .setQueryString("SHOW MEASURES FROM \"IoTMetrics\".\"SensorReadings\"").build());
        assertThat(measures.getRowsList()).extracting(row -> row.getData(0).getScalarValue() + ":" + row.getData(1).getScalarValue())
                .containsExactly("sensor_metrics:multi", "temperature:multi");
        assertThat(measures.getRows(0).getData(2).getArrayValue().getDataList())
                .extracting(datum -> datum.getRowValue().getData(0).getScalarValue())
                .containsExactly("device_id", "location", "region");

        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> queries(0).query(
                QueryRequest.newBuilder().setQueryString("DESCRIBE devops.nope").build()));
        assertThat(detail(unknown).getErrorName()).isEqualTo("ValidationException");
        assertThat(detail(unknown).getMessage()).contains("devops.nope");
    }

    @Test
    void analysisErrorsComeBackWithTheirPosition() {
        StatusRuntimeException unknownTable = catchThrowableOfType(StatusRuntimeException.class, () -> queries(2).query(
                QueryRequest.newBuilder().setQueryString("SELECT device_id\nFROM devops.missing_table").build()));
        assertThat(unknownTable.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(unknownTable).getErrorName()).isEqualTo("ValidationException");
        assertThat(detail(unknownTable).getMessage()).startsWith("line 2:6:").contains("devops.missing_table");

        StatusRuntimeException badRows = catchThrowableOfType(StatusRuntimeException.class, () -> queries(2).query(
                QueryRequest.newBuilder().setQueryString("SELECT 1").setMaxRows(1001).build()));
        assertThat(detail(badRows).getMessage()).contains("MaxRows");

        StatusRuntimeException unknownQuery = catchThrowableOfType(StatusRuntimeException.class, () -> queries(0)
                .cancelQuery(CancelQueryRequest.newBuilder().setQueryId("doesnotexist").build()));
        assertThat(detail(unknownQuery).getErrorName()).isEqualTo("ValidationException");

        PrepareQueryResponse prepared = queries(1).prepareQuery(PrepareQueryRequest.newBuilder().setQueryString(
                "SELECT host, avg(measure_value::double) AS average FROM devops.cpu WHERE time > @scheduled_runtime - 1h "
                        + "GROUP BY host").build());
        assertThat(prepared.getColumnsList()).extracting(column -> column.getName() + ":" + column.getType().getScalarType())
                .containsExactly("host:SCALAR_TYPE_VARCHAR", "average:SCALAR_TYPE_DOUBLE");
        assertThat(prepared.getParametersList()).extracting(parameter -> parameter.getName())
                .containsExactly("@scheduled_runtime");
    }

    @Test
    void everyReplicaLeaderOrFollowerSeesEveryAcknowledgedWriteBehindTheReadBarrier() throws Exception {
        cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName("devops").setTableName("fresh").build());
        String sql = "SELECT host, measure_value::double FROM devops.fresh";
        int written = 0;
        for (int round = 0; round < 5; round++) {
            write(round % 3, "devops", "fresh", Requests.cpuRecords("devops", "fresh", round * 20, 20, nowMillis).getRecordsList());
            written += 20;
            // Read-your-writes through another node, schema included (the first round adds the columns).
            assertThat(clusterOutcome((round + 1) % 3, "SELECT count(*) FROM devops.fresh WHERE region IN ('r0', 'r1', 'r2')")
                    .rows()).containsExactly(List.of(Integer.toString(written)));
            // The write put the schema in ZooKeeper; node a's cached view follows shortly after.
            TableName fresh = new TableName("devops", "fresh");
            CatalogSnapshot catalog = await().atMost(TestCluster.WAIT).until(() -> catalogOf(fresh),
                    snapshot -> snapshot.schema("devops", "fresh").orElseThrow().dimensions().contains("host"));
            ShardFragment fragment = new DistributedPlanner(FUNCTIONS).split(plan(catalog, sql)).fragments().getFirst();
            for (int node = 0; node < 3; node++) {
                int rows = 0;
                for (GroupId group : cluster.groups()) {
                    Iterator<FragmentResult> results = ShardQueryServiceGrpc.newBlockingStub(channels.get(node))
                            .withDeadlineAfter(60, java.util.concurrent.TimeUnit.SECONDS)
                            .executeFragment(FragmentRequest.newBuilder()
                                    .setGroupId(group.uuid().toString())
                                    .setFragment(PlanFragment.newBuilder().setFormatVersion(PlanCodec.VERSION)
                                            .setPlan(ByteString.copyFrom(PlanCodec.encode(fragment))))
                                    .setReadIndex(true)
                                    .setQueryId("barrier" + round)
                                    .build());
                    while (results.hasNext()) {
                        rows += results.next().getBatch().getRowCount();
                    }
                }
                assertThat(rows).as("round %d, node %d", round, node).isEqualTo(written);
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void queriesRunningWhileSealsMoveRowsToTheMagneticTierSeeEveryRowOnce() throws Exception {
        String sql = "SELECT host, count(*) AS points, sum(measure_value::double) AS total FROM devops.cpu GROUP BY host";
        List<List<String>> before = clusterOutcome(0, sql).rows();
        assertThat(before).hasSize(HOSTS);
        String tableId = cluster.tableId("devops", "cpu");
        PartitionFunction partitions = new PartitionFunction("devops", "cpu", PartitionSettings.defaults());
        Set<Long> slots = new TreeSet<>();
        slots.add(partitions.timeSlotOf((nowMillis - 60_000 - HOST_POINTS * 1_000L) * 1_000_000L));
        slots.add(partitions.timeSlotOf((nowMillis - 60_000) * 1_000_000L));
        List<NodeEndpoint> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodeConfig config = cluster.node(i).config();
            peers.add(new NodeEndpoint(config.nodeId(), config.host(), config.raftPort()));
        }
        long filesBefore = filesUnder(cluster.nodeDirectory(0));
        // Seal the table's rows part by part on a background thread while queries keep running.
        CompletableFuture<Void> seals = CompletableFuture.runAsync(() -> {
            for (GroupId group : cluster.groups()) {
                try (GroupClient client = new GroupClient(group, peers, Duration.ofSeconds(30))) {
                    for (long slot : slots) {
                        for (int bucket = 0; bucket < PartitionSettings.DEFAULT_BUCKET_COUNT; bucket++) {
                            client.submit(ShardCommand.newBuilder().setSeal(Seal.newBuilder()
                                    .setUpToNanos(nowMillis * 1_000_000L)
                                    .setPartition(PartitionId.newBuilder().setDatabaseName("devops").setTableName("cpu")
                                            .setTableId(tableId).setTimeSlot(slot).setKeyBucket(bucket)))
                                    .build().toByteArray()).get(60, java.util.concurrent.TimeUnit.SECONDS);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        int queriesDuringSeals = 0;
        while (!seals.isDone() || queriesDuringSeals == 0) {
            assertThat(clusterOutcome(queriesDuringSeals % 3, sql).rows()).isEqualTo(before);
            queriesDuringSeals++;
        }
        seals.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(filesUnder(cluster.nodeDirectory(0))).as("files of the magnetic segments").isGreaterThan(filesBefore);
        assertThat(clusterOutcome(1, sql).rows()).isEqualTo(before);
        assertThat(clusterOutcome(2, "SELECT count(*) FROM devops.cpu").rows())
                .containsExactly(List.of(Integer.toString(HOSTS * HOST_POINTS)));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void queriesStillAnswerEveryRowWhileANodeIsDownAndAfterItReturns() throws Exception {
        String count = "SELECT count(*) FROM devops.cpu";
        List<String> all = List.of(Integer.toString(HOSTS * HOST_POINTS));
        cluster.stop(2);
        // Groups whose leader was on node c elect another; fragments meanwhile move on to live replicas.
        assertThat(clusterOutcome(0, count).rows()).containsExactly(all);
        assertThat(clusterOutcome(1, count).rows()).containsExactly(all);
        cluster.start(2);
        cluster.awaitReady();
        assertThat(clusterOutcome(2, count).rows()).containsExactly(all);
    }

    // ---- helpers

    private static long filesUnder(Path directory) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(directory)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    private record Outcome(List<List<String>> rows, String error) {}

    private Outcome clusterOutcome(int node, String sql) {
        try {
            List<Row> rows = new ArrayList<>();
            List<ColumnInfo> types = null;
            QueryRequest.Builder request = QueryRequest.newBuilder().setQueryString(sql);
            QueryResponse page;
            do {
                page = queries(node).query(request.build());
                rows.addAll(page.getRowsList());
                types = page.getColumnInfoList();
                request.setNextToken(page.getNextToken());
            } while (page.hasNextToken());
            List<List<String>> text = new ArrayList<>();
            for (Row row : rows) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < row.getDataCount(); i++) {
                    Datum datum = row.getData(i);
                    values.add(datum.hasNullValue() ? null : normalized(
                            types.get(i).getType().getScalarType() == ScalarType.SCALAR_TYPE_DOUBLE, DatumText.of(types.get(i), datum)));
                }
                text.add(values);
            }
            return new Outcome(sorted(text), null);
        } catch (StatusRuntimeException failure) {
            ErrorDetail detail = detail(failure);
            return new Outcome(null, detail.getErrorName() + ": " + detail.getMessage());
        }
    }

    private Outcome localOutcome(CatalogSnapshot catalog, Map<TableName, ScanSource> stored, String sql) {
        try {
            QueryContext context = new QueryContext(Clock.systemUTC(), QueryLimits.DEFAULT);
            ParsedStatement.Select select = (ParsedStatement.Select) new SqlParser().parse(sql);
            QueryResult result = new QueryExecutor(FUNCTIONS).execute(
                    new QueryAnalyzer(catalog, FUNCTIONS).analyze(select, context.queryClock(), Map.of()), stored::get, context);
            List<List<String>> text = new ArrayList<>();
            for (int row = 0; row < result.rows().size(); row++) {
                List<String> values = new ArrayList<>();
                for (int column = 0; column < result.columns().size(); column++) {
                    String value = result.text(row, column);
                    values.add(value == null ? null
                            : normalized(result.columns().get(column).type() == SqlType.DOUBLE, value));
                }
                text.add(values);
            }
            return new Outcome(sorted(text), null);
        } catch (StrataException failure) {
            return new Outcome(null, failure.errorName() + ": " + failure.getMessage());
        }
    }

    /** Sums of partial aggregates add in another order on a cluster: compare doubles to 9 digits. */
    private static String normalized(boolean isDouble, String text) {
        if (!isDouble) {
            return text;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.9g", value) : text;
    }

    /** Ties under ORDER BY may come in any order: compare rows as multisets. */
    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /** Each table's rows as the group leaders store them, read straight from their shard stores. */
    private Map<TableName, ScanSource> storedRows() {
        Map<TableName, ScanSource> sources = new HashMap<>();
        for (TableName table : tables()) {
            String tableId = cluster.tableId(table.database(), table.table());
            TableSchema schema = cluster.node(0).tables().writable(table.database(), table.table()).schema();
            List<ShardStoreReplica> leaders = new ArrayList<>();
            for (GroupId group : cluster.groups()) {
                leaders.add(await().atMost(TestCluster.WAIT).until(() -> leaderReplica(group), replica -> replica != null));
            }
            sources.put(table, spec -> {
                List<ColumnBatch> batches = new ArrayList<>();
                for (ShardStoreReplica replica : leaders) {
                    new ShardScanSource(replica, name -> new ShardTable(tableId, schema), new AtomicLong(),
                            ScanRequest.DEFAULT_BATCH_ROWS).scan(spec).forEachRemaining(batches::add);
                }
                return batches.iterator();
            });
        }
        return sources;
    }

    private ShardStoreReplica leaderReplica(GroupId group) {
        for (int i = 0; i < 3; i++) {
            if (cluster.node(i).raftNode().isLeader(group)) {
                return cluster.node(i).shards().replica(group).orElse(null);
            }
        }
        return null;
    }

    private CatalogSnapshot catalogOfTheCluster() {
        Map<String, Map<String, TableSchema>> databases = new HashMap<>();
        for (TableName table : tables()) {
            databases.computeIfAbsent(table.database(), ignored -> new HashMap<>()).put(table.table(),
                    cluster.node(0).tables().writable(table.database(), table.table()).schema());
        }
        return new CatalogSnapshot(databases);
    }

    private static io.strata.query.plan.QueryPlan plan(CatalogSnapshot catalog, String sql) {
        QueryContext context = new QueryContext(Clock.systemUTC(), QueryLimits.DEFAULT);
        return new QueryAnalyzer(catalog, FUNCTIONS).analyze((ParsedStatement.Select) new SqlParser().parse(sql),
                context.queryClock(), Map.of());
    }

    private CatalogSnapshot catalogOf(TableName table) {
        return new CatalogSnapshot(Map.of(table.database(), Map.of(table.table(),
                cluster.node(0).tables().writable(table.database(), table.table()).schema())));
    }

    private static List<TableName> tables() {
        return List.of(new TableName("IoTMetrics", "SensorReadings"), new TableName("iot_sensor_data", "sensor_readings"),
                new TableName("devops", "machine_metrics"), new TableName("devops", "cpu"));
    }

    private QueryServiceGrpc.QueryServiceBlockingStub queries(int node) {
        return QueryServiceGrpc.newBlockingStub(channels.get(node)).withDeadlineAfter(120, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void write(int node, String database, String table, List<Record> records) {
        cluster.writes(node).writeRecords(WriteRecordsRequest.newBuilder().setDatabaseName(database).setTableName(table)
                .addAllRecords(records).build());
    }

    private static List<List<String>> text(List<Row> rows) {
        List<List<String>> text = new ArrayList<>();
        for (Row row : rows) {
            text.add(row.getDataList().stream().map(datum -> datum.hasNullValue() ? null : datum.getScalarValue()).toList());
        }
        return text;
    }

    private static ErrorDetail detail(StatusRuntimeException failure) {
        return Requests.detail(failure);
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.newBuilder().setName(name).setValue(value).build();
    }

    private static MeasureValue measure(String name, double value) {
        return MeasureValue.newBuilder().setName(name).setValue(Double.toString(value))
                .setType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE).build();
    }

    private static MeasureValue bigint(String name, long value) {
        return MeasureValue.newBuilder().setName(name).setValue(Long.toString(value))
                .setType(MeasureValueType.MEASURE_VALUE_TYPE_BIGINT).build();
    }

    private static Record multi(List<Dimension> dimensions, String measureName, long timeMillis, MeasureValue... values) {
        return Record.newBuilder().addAllDimensions(dimensions).setMeasureName(measureName)
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI).addAllMeasureValues(List.of(values))
                .setTime(Long.toString(timeMillis)).setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS).build();
    }
}
