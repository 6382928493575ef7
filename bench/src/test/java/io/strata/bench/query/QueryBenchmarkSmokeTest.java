package io.strata.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strata.query.execution.QueryResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query benchmark at tiny scale: its answers are right on both tiers (no timing asserted). */
class QueryBenchmarkSmokeTest {
    private static final int HOSTS = 5;
    /** 50,000 s: almost 14 hours, five 1,000-row blocks per series, block edges inside the queried hours. */
    private static final int POINTS = 5_000;
    private static final long HOUR_NANOS = 3_600_000_000_000L;

    @TempDir
    Path directory;

    @Test
    void everyQueryAnswersTheSameOnBothTiersAndMatchesTheDataset() throws Exception {
        try (DevopsShard shard = DevopsShard.load(directory.resolve("shard"), HOSTS, POINTS, 7)) {
            ShardQueryPath path = new ShardQueryPath(shard,
                    Clock.fixed(Instant.ofEpochSecond(0, shard.lastTimeNanos()), ZoneOffset.UTC));
            List<DevopsQueries> queries = DevopsQueries.all(shard.firstTimeNanos() / 1_000_000, DevopsShard.hostname(2));
            Map<String, QueryResult> memory = new HashMap<>();
            for (DevopsQueries query : queries) {
                memory.put(query.name(), path.run(query.sql()));
            }
            checkAgainstDataset(shard, memory);

            shard.sealAll();
            for (DevopsQueries query : queries) {
                assertThat(path.run(query.sql()).rows()).as(query.name() + " on the magnetic tier")
                        .isEqualTo(memory.get(query.name()).rows());
            }
        }
    }

    @Test
    void theMainMeasuresEveryQueryOnEveryTierAndCleansUp() throws Exception {
        List<QueryBenchmark.Measurement> results = QueryBenchmark.run(directory, HOSTS, POINTS, 7, 1, 2,
                List.of("memory", "magnetic"), List.of(), line -> { });
        assertThat(results).hasSize(2 * DevopsQueries.all(0, "host_0").size());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.rounds()).isEqualTo(2);
            assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis()).isPositive();
        });
        assertThat(QueryBenchmark.table(results, HOSTS, POINTS)).contains("| groupby-host-hour-12h | magnetic |");
        try (var left = Files.list(directory)) {
            assertThat(left).as("the shard's files are deleted").isEmpty();
        }
    }

    private static void checkAgainstDataset(DevopsShard shard, Map<String, QueryResult> results) {
        long[] times = shard.dataset().timestamps()[0];
        double[][][] values = shard.dataset().values();
        long start = shard.firstTimeNanos();
        double sum = 0;
        long count = 0;
        double hostMax = Double.NEGATIVE_INFINITY;
        for (int host = 0; host < HOSTS; host++) {
            for (int point = 0; point < times.length; point++) {
                if (times[point] < start + HOUR_NANOS) {
                    sum += values[host][0][point];
                    count++;
                }
                if (host == 2 && times[point] >= start + 12 * HOUR_NANOS && times[point] < start + 13 * HOUR_NANOS) {
                    hostMax = Math.max(hostMax, values[host][0][point]);
                }
            }
        }
        List<Object> firstHour = results.get("first-hour-avg-count").rows().getFirst();
        assertThat((Double) firstHour.get(0)).isCloseTo(sum / count, within(1e-9));
        assertThat(firstHour.get(1)).isEqualTo(360L * HOSTS);
        assertThat(results.get("one-host-hour-max").rows().getFirst().getFirst()).isEqualTo(hostMax);

        int hours = (int) ((times[times.length - 1] - start) / HOUR_NANOS) + 1;
        assertThat(results.get("groupby-host-hour-all").rows()).hasSize(HOSTS * hours);
        long last = times[times.length - 1];
        long fiveMinutes = 300_000_000_000L;
        java.util.TreeSet<Long> bins = new java.util.TreeSet<>();
        for (long time : times) {
            if (time > last - 3 * HOUR_NANOS) {
                bins.add(time - Math.floorMod(time, fiveMinutes));
            }
        }
        assertThat(results.get("dashboard-5m-3h").rows()).extracting(row -> row.get(0))
                .containsExactlyElementsOf(bins);
        List<List<Object>> lastPoints = results.get("lastpoint-max-by").rows();
        assertThat(lastPoints).hasSize(HOSTS);
        for (List<Object> row : lastPoints) {
            int host = Integer.parseInt(((String) row.get(0)).substring("host_".length()));
            assertThat(row.get(1)).isEqualTo(times[times.length - 1]);
            assertThat(row.get(2)).isEqualTo(values[host][0][times.length - 1]);
        }
    }
}
