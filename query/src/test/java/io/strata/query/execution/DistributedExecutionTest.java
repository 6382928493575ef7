package io.strata.query.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.query.catalog.TableName;
import io.strata.query.expression.SqlType;
import io.strata.query.operator.ScanSource;
import io.strata.query.plan.DistributedPlan;
import io.strata.query.plan.DistributedPlanner;
import io.strata.query.plan.PlanCodec;
import io.strata.query.plan.PlanNode;
import io.strata.query.plan.QueryPlan;
import io.strata.query.plan.ShardFragment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distributed split returns what the local plan returns, for the whole corpus: fragments run
 * on 3 in-process shards holding disjoint thirds of every table, the coordinator merges.
 */
class DistributedExecutionTest {
    private static QueryRunner runner;
    private static InProcessFragmentRunner fragments;
    private static final DistributedPlanner PLANNER = new DistributedPlanner(QueryRunner.FUNCTIONS);
    private static QueryRunner seriesRunner;
    private static InProcessFragmentRunner seriesFragments;

    @BeforeAll
    static void setUp() {
        SensorData data = new SensorData(20240115);
        runner = new QueryRunner(data);
        List<Map<TableName, ScanSource>> shards = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            Map<TableName, ScanSource> tables = new HashMap<>();
            for (TableName name : data.rows.keySet()) {
                tables.put(name, new InMemoryScanSource(data.table(name), data.shardRows(name, shard, 3), 64));
            }
            shards.add(tables);
        }
        fragments = new InProcessFragmentRunner(shards, runner.executor);

        SensorData series = TimeSeriesCorpus.data();
        seriesRunner = new QueryRunner(series);
        List<Map<TableName, ScanSource>> seriesShards = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            seriesShards.add(Map.of(TimeSeriesCorpus.TABLE, new InMemoryScanSource(series.table(TimeSeriesCorpus.TABLE),
                    series.shardRows(TimeSeriesCorpus.TABLE, shard, 3), 2)));
        }
        seriesFragments = new InProcessFragmentRunner(seriesShards, seriesRunner.executor);
    }

    static Stream<TimeSeriesCorpus.Entry> timeSeriesCorpus() {
        return TimeSeriesCorpus.entries().stream();
    }

    /** Time series built from partial states of 3 shards (each holding a third of the points) equal the local ones. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("timeSeriesCorpus")
    void distributedTimeSeriesMatchLocal(TimeSeriesCorpus.Entry entry) {
        QueryResult local = seriesRunner.run(entry.sql());
        QueryContext context = seriesRunner.context();
        DistributedPlan plan = PLANNER.split(seriesRunner.plan(entry.sql(), context));
        assertThat(plan.fragments()).as("a query reading a table has shard fragments").hasSizeGreaterThanOrEqualTo(entry.local() ? 0 : 1);
        QueryResult distributed = seriesRunner.executor.execute(plan, seriesFragments, context);
        assertThat(distributed.columns()).isEqualTo(local.columns());
        assertThat(TimeSeriesCorpusTest.texts(distributed)).as(entry.sql()).isEqualTo(TimeSeriesCorpusTest.texts(local))
                .isEqualTo(entry.expected());
    }

    @Test
    void createTimeSeriesRunsPartialOnShards() {
        QueryContext context = seriesRunner.context();
        DistributedPlan split = PLANNER.split(seriesRunner.plan(TimeSeriesCorpus.entries().getFirst().sql(), context));
        assertThat(split.fragments()).hasSize(1);
        assertThat(split.fragments().getFirst().root()).isInstanceOfSatisfying(PlanNode.Aggregate.class,
                aggregate -> assertThat(aggregate.step()).isEqualTo(PlanNode.AggregationStep.PARTIAL));
        ShardFragment fragment = split.fragments().getFirst();
        assertThat(PlanCodec.decode(PlanCodec.encode(fragment))).isEqualTo(fragment);
    }

    static Stream<QueryCorpus.Entry> corpus() {
        return QueryCorpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void distributedMatchesLocal(QueryCorpus.Entry entry) {
        QueryResult local = runner.run(entry.sql());
        QueryContext context = runner.context();
        DistributedPlan plan = PLANNER.split(runner.plan(entry.sql(), context));
        assertThat(plan.fragments()).as("a query reading a table has shard fragments")
                .hasSizeGreaterThanOrEqualTo(entry.sql().contains(" FROM ") ? 1 : 0);
        assertThat(plan.fragments()).as("shard results travel as scalar columns")
                .allSatisfy(fragment -> assertThat(fragment.root().outputTypes()).noneMatch(SqlType::isComposite));
        QueryResult distributed = runner.executor.execute(plan, fragments, context);
        assertThat(distributed.columns()).isEqualTo(local.columns());
        CorpusRows.assertSameRows(QueryCorpusTest.normalise(distributed), QueryCorpusTest.normalise(local), entry.ordered(), entry.sql());
    }

    @Test
    void projectionsYieldingArraysRunOnTheCoordinatorOverScalarFragments() {
        String sql = "SELECT device_id, ARRAY[temperature, humidity] AS pair FROM iot_sensor_data.sensor_readings"
                + " WHERE temperature > 20";
        QueryContext context = runner.context();
        DistributedPlan split = PLANNER.split(runner.plan(sql, context));

        assertThat(split.fragments()).hasSize(1);
        assertThat(split.fragments().getFirst().root().outputTypes()).noneMatch(SqlType::isComposite);
        QueryResult distributed = runner.executor.execute(split, fragments, context);
        CorpusRows.assertSameRows(QueryCorpusTest.normalise(distributed), QueryCorpusTest.normalise(runner.run(sql)),
                false, sql);
        assertThat(distributed.rows()).isNotEmpty();
    }

    @Test
    void aggregationRunsPartialOnShardsAndFinalOnCoordinator() {
        QueryContext context = runner.context();
        QueryPlan plan = runner.plan("SELECT device_id, avg(temperature), stddev(temperature), max_by(humidity, time), approx_distinct(location)"
                + " FROM iot_sensor_data.sensor_readings WHERE time > ago(1h) GROUP BY device_id", context);
        DistributedPlan split = PLANNER.split(plan);
        assertThat(split.fragments()).hasSize(1);
        PlanNode fragmentRoot = split.fragments().getFirst().root();
        assertThat(fragmentRoot).isInstanceOfSatisfying(PlanNode.Aggregate.class,
                aggregate -> assertThat(aggregate.step()).isEqualTo(PlanNode.AggregationStep.PARTIAL));
        PlanNode coordinator = split.coordinatorRoot() instanceof PlanNode.Project project ? project.source() : split.coordinatorRoot();
        assertThat(coordinator).isInstanceOfSatisfying(PlanNode.Aggregate.class,
                aggregate -> assertThat(aggregate.step()).isEqualTo(PlanNode.AggregationStep.FINAL));
        assertThat(split.fragments().getFirst().scan().spec().columns())
                .as("only the columns the query uses are read")
                .containsExactlyInAnyOrder("device_id", "time", "temperature", "humidity", "location");
        assertThat(split.fragments().getFirst().scan().spec().timeRange().lowest())
                .isEqualTo(SensorData.NOW_NANOS - 3600 * SensorData.SECOND + 1);
    }

    @Test
    void fragmentBytesRoundTripAndCarryTheirVersion() {
        QueryContext context = runner.context();
        DistributedPlan split = PLANNER.split(runner.plan("SELECT device_id, count(*) FROM iot_sensor_data.sensor_readings"
                + " WHERE device_id IN ('sensor-001', 'sensor-002') AND time BETWEEN ago(2h) AND now() GROUP BY device_id", context));
        ShardFragment fragment = split.fragments().getFirst();
        byte[] bytes = PlanCodec.encode(fragment);
        assertThat(PlanCodec.decode(bytes)).isEqualTo(fragment);
        assertThat(fragment.scan().spec().columnValues()).containsEntry("device_id", java.util.Set.of("sensor-001", "sensor-002"));
        bytes[5] = 99; // the version's low byte
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanCodec.decode(bytes))
                .hasMessageContaining("format version");
    }
}
