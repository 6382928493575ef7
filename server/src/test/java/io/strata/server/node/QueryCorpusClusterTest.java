package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.Datum;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.PartitionKey;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.ParameterMapping;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.Record;
import io.strata.api.v1.RetentionProperties;
import io.strata.api.v1.Row;
import io.strata.api.v1.Schema;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableColumn;
import io.strata.core.schema.TableSchema;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionSettings;
import io.strata.query.catalog.TableName;
import io.strata.query.execution.CorpusRows;
import io.strata.query.execution.DuckDbReference;
import io.strata.query.execution.QueryCorpus;
import io.strata.query.execution.SensorData;
import io.strata.query.execution.TimeSeriesCorpus;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import io.strata.raft.shard.ShardStoreReplica;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query corpus of the {@code query} module ({@link QueryCorpus}: every user-workload query and
 * a hundred more, checked against DuckDB loaded with the same rows; {@link TimeSeriesCorpus}:
 * interpolation and time-series functions, checked against results worked out by hand) run through
 * the public gRPC QueryService of a three-node cluster, in pages, over rows written through the
 * public WriteService, with every row older than {@link #SEALED_BEFORE} moved into the magnetic
 * store by {@code Seal} commands replicated through Raft — so most queries read both tiers. Then
 * further seals move the rest of two tables while queries run (every row once), and the corpus
 * runs again with those two tables wholly in segments.
 *
 * <p>The nodes' clock stands still at {@link SensorData#NOW}: {@code ago()} and {@code now()} on the
 * cluster mean what they mean in the DuckDB translation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryCorpusClusterTest {
    /** 10:23 on the day of {@link SensorData#NOW}: splits the time series of sensor-001 between the tiers. */
    private static final long SEALED_BEFORE = SensorData.NOW_NANOS - 97 * 60 * SensorData.SECOND;
    /** The time-series corpus' own table lives in another database than the main data's table of the same name. */
    private static final TableName SERIES_TABLE = new TableName("IoTSeries", "SensorReadings");
    private static final String SERIES_SQL_NAME = "\"IoTMetrics\".\"SensorReadings\"";
    private static final TableName PARTITIONED_BY_DEVICE = new TableName("IoTMetrics", "SensorReadings");
    private static final int PAGE_ROWS = 120;
    private static final String SCHEDULED_RUNTIME = "@scheduled_runtime";
    /** The invocation time the query module's corpus binds @scheduled_runtime to: an hour before {@link SensorData#NOW}. */
    private static final String INVOCATION_TIME = "TIMESTAMP '2024-01-15 11:00:00'";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

    @TempDir
    static Path directory;

    private SensorData data;
    private SensorData series;
    private DuckDbReference duckDb;
    private TestCluster cluster;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final AtomicInteger queriesSent = new AtomicInteger();

    @BeforeAll
    void writeTheCorpusRowsAndSealTheOlderOnes() throws Exception {
        data = new SensorData(20240115);
        SensorData handWritten = TimeSeriesCorpus.data();
        series = SensorData.of(Map.of(SERIES_TABLE, handWritten.schemas.get(TimeSeriesCorpus.TABLE)),
                Map.of(SERIES_TABLE, handWritten.rows.get(TimeSeriesCorpus.TABLE)));
        duckDb = new DuckDbReference(data);
        cluster = new TestCluster(directory, Clock.fixed(SensorData.NOW, ZoneOffset.UTC));
        cluster.awaitReady();
        for (int i = 0; i < 3; i++) {
            channels.add(NettyChannelBuilder.forTarget(cluster.node(i).config().grpcAddress()).usePlaintext().build());
        }

        Map<TableName, List<Map<String, Object>>> tables = allTables();
        Set<String> databases = new TreeSet<>();
        tables.keySet().forEach(table -> databases.add(table.database()));
        for (String database : databases) {
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(database).build());
        }
        for (TableName table : tables.keySet()) {
            // Eight days of rows fit in the memory store: everything is written there, then the older rows are sealed.
            CreateTableRequest.Builder create = CreateTableRequest.newBuilder().setDatabaseName(table.database())
                    .setTableName(table.table()).setRetentionProperties(RetentionProperties.newBuilder()
                            .setMemoryStoreRetentionPeriodInHours(10 * 24).setMagneticStoreRetentionPeriodInDays(3650));
            if (table.equals(PARTITIONED_BY_DEVICE)) {
                create.setSchema(Schema.newBuilder().addCompositePartitionKey(PartitionKey.newBuilder()
                        .setType(PartitionKeyType.PARTITION_KEY_TYPE_DIMENSION).setName("device_id")
                        .setEnforcementInRecord(PartitionKeyEnforcementLevel.PARTITION_KEY_ENFORCEMENT_LEVEL_REQUIRED)));
            }
            cluster.admin(1).createTable(create.build());
        }

        int request = 0;
        for (Map.Entry<TableName, List<Map<String, Object>>> table : tables.entrySet()) {
            TableSchema schema = schemaOf(table.getKey());
            List<Map<String, Object>> rows = table.getValue();
            for (int start = 0; start < rows.size(); start += 100) {
                List<Record> records = rows.subList(start, Math.min(rows.size(), start + 100)).stream()
                        .map(row -> record(schema, row)).toList();
                int ingested = cluster.writes(request++ % 3).writeRecords(WriteRecordsRequest.newBuilder()
                        .setDatabaseName(table.getKey().database()).setTableName(table.getKey().table())
                        .addAllRecords(records).build()).getRecordsIngested().getTotal();
                assertThat(ingested).as("records of %s ingested", table.getKey()).isEqualTo(records.size());
            }
        }
        // The writes grew each table's schema in ZooKeeper; every node's cached catalog follows.
        await("every node's catalog has the schema the rows imply").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                for (TableName table : tables.keySet()) {
                    assertThat(cluster.node(node).tables().writable(table.database(), table.table()).schema())
                            .as("%s on node %d", table, node).isEqualTo(schemaOf(table));
                }
            }
        });

        long total = tables.values().stream().mapToLong(List::size).sum();
        awaitMemoryRows(total);
        seal(tables.keySet(), SEALED_BEFORE, true);
        awaitMemoryRows(rowsAtOrAfter(tables, SEALED_BEFORE));
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        channels.forEach(ManagedChannel::shutdownNow);
        if (cluster != null) {
            cluster.close();
        }
        if (duckDb != null) {
            duckDb.close();
        }
    }

    Stream<QueryCorpus.Entry> corpus() {
        return QueryCorpus.entries().stream();
    }

    Stream<TimeSeriesCorpus.Entry> timeSeriesCorpus() {
        return TimeSeriesCorpus.entries().stream();
    }

    @Test
    @Order(0)
    void theDataIsSplitBetweenTheTiersAndTheCorpusIsLargeEnough() {
        long sealed = allTables().values().stream().flatMap(List::stream)
                .filter(row -> (Long) row.get(TableColumn.TIME) < SEALED_BEFORE).count();
        long inMemory = rowsAtOrAfter(allTables(), SEALED_BEFORE);
        assertThat(sealed).as("rows in the magnetic store").isGreaterThan(1000);
        assertThat(inMemory).as("rows in the memory store").isGreaterThan(500);
        assertThat(QueryCorpus.entries().size() + TimeSeriesCorpus.entries().size()).isGreaterThanOrEqualTo(80);
        assertThat(TimeSeriesCorpus.entries()).anySatisfy(entry -> assertThat(entry.sql())
                .contains("INTERPOLATE_LINEAR(CREATE_TIME_SERIES(time, measure_value::double), SEQUENCE(min(time), max(time), 1m))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void corpusQueryOnTheClusterMatchesDuckDb(QueryCorpus.Entry entry) throws Exception {
        assertMatchesDuckDb(entry);
    }

    /** After {@link #queriesWhileSealsMoveTheRestToTheMagneticStoreSeeEveryRowOnce}: two tables only in segments. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(4)
    void corpusQueryMatchesDuckDbOnceTwoTablesAreWhollySealed(QueryCorpus.Entry entry) throws Exception {
        assertMatchesDuckDb(entry);
    }

    private void assertMatchesDuckDb(QueryCorpus.Entry entry) throws Exception {
        String sql = entry.sql();
        if (sql.contains(SCHEDULED_RUNTIME)) {
            // A scheduled query's body: Query takes no parameters; a scheduled run binds @scheduled_runtime to its invocation time.
            assertThat(queries(0).prepareQuery(PrepareQueryRequest.newBuilder().setQueryString(sql).setValidateOnly(true).build())
                    .getParametersList()).extracting(ParameterMapping::getName).containsExactly(SCHEDULED_RUNTIME);
            sql = sql.replace(SCHEDULED_RUNTIME, INVOCATION_TIME);
        }
        List<List<Object>> answer = values(query(queriesSent.getAndIncrement() % 3, sql));
        String duckSql = DuckDbReference.translate(entry.duckSql() == null ? entry.sql() : entry.duckSql());
        CorpusRows.assertSameRows(answer, duckDb.query(duckSql), entry.ordered(), entry.sql());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeSeriesCorpus")
    @Order(2)
    void timeSeriesQueryOnTheClusterMatchesTheHandComputedResult(TimeSeriesCorpus.Entry entry) {
        String sql = entry.sql().replace(SERIES_SQL_NAME,
                "\"" + SERIES_TABLE.database() + "\".\"" + SERIES_TABLE.table() + "\"");
        assertThat(texts(query(queriesSent.getAndIncrement() % 3, sql))).as(sql).isEqualTo(entry.expected());
    }

    @Test
    @Order(3)
    void queriesWhileSealsMoveTheRestToTheMagneticStoreSeeEveryRowOnce() throws Exception {
        TableName machines = new TableName("factory", "machine_metrics");
        TableName readings = PARTITIONED_BY_DEVICE;
        List<String> queries = List.of(
                "SELECT count(*), sum(energy), sum(temperature), sum(pressure) FROM factory.machine_metrics",
                "SELECT count(*), sum(battery_level), sum(measure_value::double), sum(humidity) FROM \"IoTMetrics\".\"SensorReadings\"",
                "SELECT machine_id, time, energy FROM factory.machine_metrics",
                "SELECT device_id, measure_name, time, temperature, measure_value::double FROM \"IoTMetrics\".\"SensorReadings\""
                        + " WHERE time > ago(2h)");
        List<List<List<Object>>> expected = new ArrayList<>();
        for (String sql : queries) {
            expected.add(duckDb.query(DuckDbReference.translate(sql)));
        }
        assertThat(expected.get(2)).as("the listing names each row once").hasSize(data.rows.get(machines).size())
                .doesNotHaveDuplicates();
        assertThat(query(0, queries.get(2)).pages()).as("pages of the listing").isGreaterThanOrEqualTo(5);

        // Seal the rest of both tables in steps of ten minutes, partition by partition, on another thread.
        CompletableFuture<Void> seals = CompletableFuture.runAsync(() -> {
            for (long upTo = SEALED_BEFORE + 600 * SensorData.SECOND; upTo <= SensorData.NOW_NANOS + 600 * SensorData.SECOND;
                    upTo += 600 * SensorData.SECOND) {
                seal(List.of(machines, readings), upTo, false);
            }
        });
        int queriesDuringSeals = 0;
        while (!seals.isDone() || queriesDuringSeals == 0) {
            int index = queriesDuringSeals % queries.size();
            CorpusRows.assertSameRows(values(query(queriesDuringSeals % 3, queries.get(index))), expected.get(index), false,
                    queries.get(index) + " during the seals");
            queriesDuringSeals++;
        }
        seals.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(queriesDuringSeals).as("queries answered while the seals ran").isPositive();
        System.out.printf("%d queries answered while the seals ran%n", queriesDuringSeals);

        Map<TableName, List<Map<String, Object>>> others = allTables();
        others.remove(machines);
        others.remove(readings);
        awaitMemoryRows(rowsAtOrAfter(others, SEALED_BEFORE));
        for (int index = 0; index < queries.size(); index++) {
            CorpusRows.assertSameRows(values(query(index % 3, queries.get(index))), expected.get(index), false,
                    queries.get(index) + " after the seals");
        }
    }

    // ---- the cluster

    private Map<TableName, List<Map<String, Object>>> allTables() {
        Map<TableName, List<Map<String, Object>>> tables = new LinkedHashMap<>(data.rows);
        tables.putAll(series.rows);
        return tables;
    }

    private TableSchema schemaOf(TableName table) {
        return table.equals(SERIES_TABLE) ? series.schemas.get(table) : data.schemas.get(table);
    }

    private static long rowsAtOrAfter(Map<TableName, List<Map<String, Object>>> tables, long timeNanos) {
        return tables.values().stream().flatMap(List::stream).filter(row -> (Long) row.get(TableColumn.TIME) >= timeNanos).count();
    }

    /** Waits until every node's replicas hold {@code expected} rows in their memory stores, summed over the groups. */
    private void awaitMemoryRows(long expected) {
        await("rows in every replica's memory store").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                long rows = 0;
                for (GroupId group : cluster.groups()) {
                    ShardStoreReplica replica = cluster.node(node).shards().replica(group).orElse(null);
                    assertThat(replica).as("node %d's replica of %s", node, group).isNotNull();
                    rows += replica.memoryUsage().rows();
                }
                assertThat(rows).as("memory rows on node %d", node).isEqualTo(expected);
            }
        });
    }

    /**
     * Proposes through Raft a {@code Seal} of every partition holding rows of {@code tables} (in the
     * shard's layout: default slot width, bucket of the series), to every group: a group that does
     * not hold the partition applies it as a no-op. All at once, or one after the other.
     */
    private void seal(java.util.Collection<TableName> tables, long upToNanos, boolean concurrently) {
        List<NodeEndpoint> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodeConfig config = cluster.config(i);
            peers.add(new NodeEndpoint(config.nodeId(), config.host(), config.raftPort()));
        }
        List<PartitionId> partitions = new ArrayList<>();
        for (TableName table : tables) {
            String tableId = cluster.tableId(table.database(), table.table());
            PartitionFunction layout = new PartitionFunction(table.database(), table.table(), PartitionSettings.defaults());
            Set<List<Long>> slotsAndBuckets = new HashSet<>();
            TableSchema schema = schemaOf(table);
            for (Map<String, Object> row : allTables().get(table)) {
                long time = (Long) row.get(TableColumn.TIME);
                if (time >= upToNanos) {
                    continue;
                }
                SortedMap<String, String> dimensions = new TreeMap<>();
                for (String dimension : schema.dimensions()) {
                    if (row.get(dimension) != null) {
                        dimensions.put(dimension, (String) row.get(dimension));
                    }
                }
                slotsAndBuckets.add(List.of(layout.timeSlotOf(time),
                        (long) layout.bucketOf((String) row.get(TableColumn.MEASURE_NAME), dimensions)));
            }
            for (List<Long> slotAndBucket : slotsAndBuckets) {
                partitions.add(PartitionId.newBuilder().setDatabaseName(table.database()).setTableName(table.table())
                        .setTableId(tableId).setTimeSlot(slotAndBucket.get(0)).setKeyBucket(slotAndBucket.get(1).intValue())
                        .build());
            }
        }
        for (GroupId group : cluster.groups()) {
            try (GroupClient client = new GroupClient(group, peers, Duration.ofSeconds(30))) {
                List<CompletableFuture<byte[]>> pending = new ArrayList<>();
                for (PartitionId partition : partitions) {
                    CompletableFuture<byte[]> sealed = client.submit(ShardCommand.newBuilder().setSeal(Seal.newBuilder()
                            .setPartition(partition).setUpToNanos(upToNanos)).build().toByteArray());
                    if (concurrently) {
                        pending.add(sealed);
                    } else {
                        sealed.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    }
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("sealing " + tables + " up to " + upToNanos + " in " + group, e);
            }
        }
    }

    /** One record of the public write API carrying {@code row} (nulls are absent dimensions and measures). */
    private static Record record(TableSchema schema, Map<String, Object> row) {
        Record.Builder record = Record.newBuilder();
        for (String dimension : schema.dimensions()) {
            Object value = row.get(dimension);
            if (value != null) {
                record.addDimensions(Dimension.newBuilder().setName(dimension).setValue((String) value));
            }
        }
        String measureName = (String) row.get(TableColumn.MEASURE_NAME);
        record.setMeasureName(measureName).setTime(Long.toString((Long) row.get(TableColumn.TIME)))
                .setTimeUnit(TimeUnit.TIME_UNIT_NANOSECONDS);
        MeasureValueType type = schema.measures().get(measureName);
        if (type == MeasureValueType.MULTI) {
            record.setMeasureValueType(io.strata.api.v1.MeasureValueType.MEASURE_VALUE_TYPE_MULTI);
            for (Map.Entry<String, MeasureValueType> attribute : schema.multiMeasureAttributes().entrySet()) {
                Object value = row.get(attribute.getKey());
                if (value != null) {
                    record.addMeasureValues(MeasureValue.newBuilder().setName(attribute.getKey())
                            .setValue(value.toString()).setType(apiType(attribute.getValue())));
                }
            }
        } else {
            record.setMeasureValueType(apiType(type))
                    .setMeasureValue(row.get(TableColumn.measureValueColumnName(type)).toString());
        }
        return record.build();
    }

    private static io.strata.api.v1.MeasureValueType apiType(MeasureValueType type) {
        return io.strata.api.v1.MeasureValueType.valueOf("MEASURE_VALUE_TYPE_" + type.name());
    }

    // ---- queries

    private record Answer(List<ColumnInfo> columns, List<Row> rows, int pages) {}

    /** Every page of the query's result through node {@code node}'s QueryService, pages of at most {@link #PAGE_ROWS}. */
    private QueryServiceGrpc.QueryServiceBlockingStub queries(int node) {
        return QueryServiceGrpc.newBlockingStub(channels.get(node)).withDeadlineAfter(120, java.util.concurrent.TimeUnit.SECONDS);
    }

    private Answer query(int node, String sql) {
        List<Row> rows = new ArrayList<>();
        QueryRequest.Builder request = QueryRequest.newBuilder().setQueryString(sql).setMaxRows(PAGE_ROWS);
        QueryResponse page;
        List<ColumnInfo> columns;
        int pages = 0;
        do {
            page = queries(node).query(request.build());
            assertThat(page.getRowsCount()).isLessThanOrEqualTo(PAGE_ROWS);
            rows.addAll(page.getRowsList());
            columns = page.getColumnInfoList();
            request.setNextToken(page.getNextToken());
            pages++;
        } while (page.hasNextToken());
        return new Answer(columns, rows, pages);
    }

    /** The answer's values as {@link DuckDbReference#query} gives them: Long, Double, String, Boolean, timestamps in microseconds. */
    private static List<List<Object>> values(Answer answer) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : answer.rows()) {
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < row.getDataCount(); column++) {
                values.add(value(answer.columns().get(column), row.getData(column)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object value(ColumnInfo column, Datum datum) {
        if (datum.hasNullValue()) {
            return null;
        }
        if (!column.getType().hasScalarType()) {
            return DatumText.of(column, datum);
        }
        String text = datum.getScalarValue();
        return switch (column.getType().getScalarType()) {
            case SCALAR_TYPE_BIGINT, SCALAR_TYPE_INTEGER -> Long.parseLong(text);
            case SCALAR_TYPE_DOUBLE -> Double.parseDouble(text);
            case SCALAR_TYPE_BOOLEAN -> Boolean.parseBoolean(text);
            case SCALAR_TYPE_TIMESTAMP -> {
                LocalDateTime time = LocalDateTime.parse(text, TIMESTAMP);
                yield time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
            }
            // microseconds of the day, as DuckDbReference reads times
            case SCALAR_TYPE_TIME -> LocalTime.parse(text).toNanoOfDay() / 1000;
            default -> text;
        };
    }

    /** The answer in the engine's text form of results, a NULL value as null. */
    private static List<List<String>> texts(Answer answer) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : answer.rows()) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < row.getDataCount(); column++) {
                Datum datum = row.getData(column);
                values.add(datum.hasNullValue() ? null : DatumText.of(answer.columns().get(column), datum));
            }
            rows.add(values);
        }
        return rows;
    }
}
