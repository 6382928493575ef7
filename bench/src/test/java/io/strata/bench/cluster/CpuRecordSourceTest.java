package io.strata.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.load.data.DevopsCpuGenerator;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuRecordSourceTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyRecordIsANewPointOfTenDoublesWithTheTsbsTags() {
        CpuRecordSource source = new CpuRecordSource("db", "cpu", 0, 7, START, 42);
        Set<String> points = new HashSet<>();
        for (int request = 0; request < 30; request++) {
            WriteRecordsRequest batch = source.nextRequest(50);
            assertThat(batch.getRecordsCount()).isEqualTo(50);
            for (Record record : batch.getRecordsList()) {
                assertThat(record.getMeasureValueType()).isEqualTo(MeasureValueType.MEASURE_VALUE_TYPE_MULTI);
                assertThat(record.getMeasureValuesList()).extracting(value -> value.getName())
                        .containsExactlyElementsOf(DevopsCpuGenerator.FIELDS);
                assertThat(record.getMeasureValuesList()).allSatisfy(value ->
                        assertThat(Double.parseDouble(value.getValue())).isBetween(0.0, 100.0));
                assertThat(record.getDimensionsCount()).isEqualTo(10);
                assertThat(points.add(record.getDimensions(0).getValue() + "@" + record.getTime())).isTrue();
            }
        }
        assertThat(source.produced()).isEqualTo(1500);
        // 1,500 records over 7 hosts: time advanced one millisecond per round of hosts.
        assertThat(source.latestTime()).isEqualTo(START.plusMillis(1499 / 7));
    }

    @Test
    void writersWithDifferentHostsNeverWriteTheSameSeries() {
        Set<String> first = hostnames(new CpuRecordSource("db", "cpu", 0, 100, START, 42));
        Set<String> second = hostnames(new CpuRecordSource("db", "cpu", 100, 100, START, 42));
        assertThat(first).hasSize(100).doesNotContainAnyElementsOf(second);
    }

    @Test
    void unknownBenchmarkOptionsAreRefused() {
        assertThatThrownBy(() -> new BenchArguments(new String[] {"--writer", "4"}, Set.of("writers")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--writer");
    }

    private static Set<String> hostnames(CpuRecordSource source) {
        Set<String> hosts = new HashSet<>();
        for (Record record : source.nextRequest(100).getRecordsList()) {
            hosts.add(record.getDimensions(0).getValue());
        }
        return hosts;
    }
}
