package io.strata.tier.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SegmentRoundTripTest {
    private static final BlobKey KEY = BlobKey.of("segments/one.seg");

    @TempDir
    Path directory;
    BlobStore store;

    @BeforeEach
    void openStore() {
        store = new LocalDirectoryBlobStore(directory);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(value = MeasureValueType.class, names = "TIMESTAMP", mode = EnumSource.Mode.EXCLUDE)
    void everyValueTypeComesBackExactlyAcrossBlocks(MeasureValueType type) {
        List<Record> records = new ArrayList<>();
        records.addAll(SegmentTestData.records(SegmentTestData.series("host-b", "m"), type, 250, 1));
        records.addAll(SegmentTestData.records(SegmentTestData.series("host-a", "m"), type, 1, 2));
        records.addAll(SegmentTestData.records(SegmentTestData.series("host-c", "m"), type, 64, 3));

        store.put(KEY, SegmentTestData.write(records, 37).bytes());
        SegmentReader reader = SegmentReader.open(store, KEY);

        assertThat(reader.series()).extracting(SeriesEntry::series).isSorted().hasSize(3);
        assertThat(reader.series().getFirst().blocks()).hasSize(1);
        assertThat(reader.series().get(1).blocks()).hasSize(7); // 250 rows in blocks of 37
        assertThat(SegmentTestData.readAll(reader, TimeRange.ALL)).containsExactlyElementsOf(sorted(records));
    }

    @Test
    void multiRecordsKeepTheirMissingAttributesAsNulls() {
        SeriesKey series = SegmentTestData.series("host-a", "metrics");
        List<Record> records = SegmentTestData.records(series, MeasureValueType.MULTI, 500, 7);
        store.put(KEY, SegmentTestData.write(records, 128).bytes());
        SegmentReader reader = SegmentReader.open(store, KEY);

        SeriesEntry entry = reader.series().getFirst();
        assertThat(entry.columns()).extracting(ColumnDescriptor::name)
                .containsExactly("cpu", "healthy", "last_boot", "requests", "status");
        assertThat(entry.columns()).extracting(ColumnDescriptor::type).containsExactly(
                ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.TIMESTAMP, ColumnType.BIGINT, ColumnType.VARCHAR);
        assertThat(SegmentTestData.readAll(reader, TimeRange.ALL)).containsExactlyElementsOf(records);

        // As a ColumnBatch: nulls where the record had no such attribute.
        DecodedBlock block = new DecodedBlock();
        reader.readBlock(entry, entry.blocks().getFirst(), Projection.of("cpu", "status"), block);
        ColumnBatch batch = block.toColumnBatch();
        assertThat(batch.names()).containsExactly("time", "cpu", "status");
        assertThat(batch.rowCount()).isEqualTo(128);
        DoubleVector cpu = (DoubleVector) batch.column("cpu");
        VarcharVector status = (VarcharVector) batch.column("status");
        LongVector time = (LongVector) batch.column("time");
        for (int row = 0; row < 128; row++) {
            Record record = records.get(row);
            assertThat(time.get(row)).isEqualTo(record.time());
            var attributes = ((io.strata.core.model.MultiMeasure) record.measure()).attributes();
            var cpuValue = attributes.stream().filter(a -> a.name().equals("cpu")).findFirst();
            assertThat(cpu.isNull(row)).isEqualTo(cpuValue.isEmpty());
            if (cpuValue.isPresent()) {
                assertThat(cpu.get(row)).isEqualTo(((io.strata.core.model.DoubleValue) cpuValue.get().value()).value());
            }
            var statusValue = attributes.stream().filter(a -> a.name().equals("status")).findFirst();
            assertThat(status.get(row)).isEqualTo(statusValue
                    .map(a -> ((io.strata.core.model.VarcharValue) a.value()).value()).orElse(null));
        }
        assertThat(cpu.nulls().hasNulls()).isTrue();
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        List<Record> records = new ArrayList<>();
        for (MeasureValueType type : List.of(MeasureValueType.DOUBLE, MeasureValueType.MULTI, MeasureValueType.VARCHAR)) {
            records.addAll(SegmentTestData.records(SegmentTestData.series("h", type.name()), type, 3000, 11));
        }
        byte[] first = SegmentTestData.write(records, 1000).bytes();
        byte[] second = SegmentTestData.write(new ArrayList<>(records.reversed()), 1000).bytes();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void seriesOutOfOrderOrTimesNotIncreasingAreRefused() {
        SeriesRowsBuilder b = new SeriesRowsBuilder(SegmentTestData.series("b", "m"), MeasureValueType.DOUBLE);
        SegmentTestData.records(SegmentTestData.series("b", "m"), MeasureValueType.DOUBLE, 3, 1).forEach(b::add);
        SeriesRowsBuilder a = new SeriesRowsBuilder(SegmentTestData.series("a", "m"), MeasureValueType.DOUBLE);
        SegmentTestData.records(SegmentTestData.series("a", "m"), MeasureValueType.DOUBLE, 3, 1).forEach(a::add);
        SegmentWriter writer = new SegmentWriter().addSeries(b.build());
        assertThatThrownBy(() -> writer.addSeries(a.build())).isInstanceOf(IllegalArgumentException.class);

        SeriesRows rows = a.build();
        long[] times = rows.times().clone();
        times[2] = times[1];
        assertThatThrownBy(() -> new SeriesRows(rows.series(), rows.measureType(), times, rows.versions(), 3,
                rows.columns())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
    }

    private static List<Record> sorted(List<Record> records) {
        List<Record> copy = new ArrayList<>(records);
        copy.sort((x, y) -> {
            int order = x.series().compareTo(y.series());
            return order != 0 ? order : Long.compare(x.time(), y.time());
        });
        return copy;
    }
}
