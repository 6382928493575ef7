package io.strata.tier.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strata.core.model.BigintValue;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentReaderTest {
    private static final BlobKey KEY = BlobKey.of("segments/one.seg");
    private static final SeriesKey DOUBLES = SegmentTestData.series("host-a", "cpu");
    private static final SeriesKey BIGINTS = SegmentTestData.series("host-a", "requests");

    @TempDir
    Path directory;
    BlobStore store;
    List<Record> records;

    @BeforeEach
    void writeSegment() {
        store = new LocalDirectoryBlobStore(directory);
        records = new ArrayList<>();
        records.addAll(SegmentTestData.records(DOUBLES, MeasureValueType.DOUBLE, 1000, 1));
        records.addAll(SegmentTestData.records(BIGINTS, MeasureValueType.BIGINT, 1000, 2));
        records.addAll(SegmentTestData.records(SegmentTestData.series("host-b", "status"), MeasureValueType.MULTI, 1000, 3));
        store.put(KEY, SegmentTestData.write(records, 100).bytes());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void blocksOutsideTheTimeRangeAreNeverFetched() {
        SegmentReader reader = SegmentReader.open(store, KEY);
        SeriesEntry entry = reader.series(series -> series.equals(DOUBLES)).getFirst();
        List<Record> series = records.subList(0, 1000);
        TimeRange range = TimeRange.of(series.get(250).time(), series.get(420).time());

        List<BlockEntry> blocks = reader.blocks(entry, range);
        assertThat(blocks).hasSize(3); // rows 200-299, 300-399, 400-499
        long before = reader.bytesRead();
        List<Record> read = SegmentTestData.readAll(reader, range).stream()
                .filter(record -> record.series().equals(DOUBLES)).toList();
        assertThat(read).containsExactlyElementsOf(series.subList(250, 420));
        long fetchedForDoubles = blocks.stream().mapToLong(BlockEntry::length).sum();
        assertThat(reader.bytesRead() - before).isLessThan(reader.sizeBytes() - reader.metadataBytes())
                .isGreaterThanOrEqualTo(fetchedForDoubles);
    }

    @Test
    void aggregatesFromBlockStatisticsEqualAggregatesOfTheDecodedRows() {
        SegmentReader reader = SegmentReader.open(store, KEY);
        DecodedBlock scratch = new DecodedBlock();
        Random random = new Random(5);
        for (int attempt = 0; attempt < 50; attempt++) {
            int from = random.nextInt(1000);
            int to = from + random.nextInt(1000 - from) + 1;
            for (SeriesKey series : List.of(DOUBLES, BIGINTS)) {
                List<Record> rows = records.stream().filter(record -> record.series().equals(series)).toList();
                TimeRange range = TimeRange.of(rows.get(from).time(), to == 1000 ? Long.MAX_VALUE : rows.get(to).time());
                SeriesEntry entry = reader.series(key -> key.equals(series)).getFirst();
                String column = entry.columns().getFirst().name();

                RangeAggregate aggregate = reader.aggregate(entry, column, range, scratch);

                List<Record> inRange = rows.subList(from, to);
                assertThat(aggregate.rowCount()).isEqualTo(inRange.size());
                assertThat(aggregate.column().nonNullCount()).isEqualTo(inRange.size());
                assertThat(aggregate.blocksDecoded()).isLessThanOrEqualTo(2);
                if (to - from >= 300) {
                    assertThat(aggregate.blocksFromStatistics()).isPositive();
                }
                if (series.equals(DOUBLES)) {
                    double[] values = inRange.stream().mapToDouble(r -> ((DoubleValue) r.measure()).value()).toArray();
                    assertThat(aggregate.column().doubleSum()).isCloseTo(java.util.Arrays.stream(values).sum(), within(1e-6));
                    assertThat(aggregate.column().doubleMin()).isEqualTo(java.util.Arrays.stream(values).min().orElseThrow());
                    assertThat(aggregate.column().doubleMax()).isEqualTo(java.util.Arrays.stream(values).max().orElseThrow());
                } else {
                    long[] values = inRange.stream().mapToLong(r -> ((BigintValue) r.measure()).value()).toArray();
                    assertThat(aggregate.column().longSum()).isEqualTo(java.util.Arrays.stream(values).sum());
                    assertThat(aggregate.column().longSumOverflowed()).isFalse();
                    assertThat(aggregate.column().longMin()).isEqualTo(java.util.Arrays.stream(values).min().orElseThrow());
                    assertThat(aggregate.column().longMax()).isEqualTo(java.util.Arrays.stream(values).max().orElseThrow());
                }
            }
        }
    }

    @Test
    void aFlippedByteInAnyBlockIsReportedWithTheKeyAndTheBlockOffset() {
        byte[] pristine = store.get(KEY);
        SegmentReader original = SegmentReader.open(store, KEY);
        List<BlockEntry> blocks = new ArrayList<>();
        original.series().forEach(entry -> blocks.addAll(entry.blocks()));
        Random random = new Random(9);
        for (int attempt = 0; attempt < 40; attempt++) {
            BlockEntry target = blocks.get(random.nextInt(blocks.size()));
            byte[] damaged = pristine.clone();
            int position = (int) target.offset() + random.nextInt(target.length());
            damaged[position] ^= (byte) (1 << random.nextInt(8));
            store.put(KEY, damaged);

            SegmentReader reader = SegmentReader.open(store, KEY); // the footer is intact
            SeriesEntry entry = reader.series().stream().filter(e -> e.blocks().contains(target)).findFirst().orElseThrow();
            assertThatThrownBy(() -> reader.readBlock(entry, target, Projection.all(), new DecodedBlock()))
                    .isInstanceOfSatisfying(CorruptSegmentException.class, e -> {
                        assertThat(e.key()).isEqualTo(KEY.value());
                        assertThat(e.offset()).isEqualTo(target.offset());
                        assertThat(e.errorName()).isEqualTo("InternalServerException");
                        assertThat(e.getMessage()).contains(KEY.value()).contains("offset " + target.offset());
                    });
        }
    }

    @Test
    void aDamagedFooterOrHeaderIsReportedNotDecoded() {
        byte[] pristine = store.get(KEY);
        byte[] footerDamaged = pristine.clone();
        footerDamaged[pristine.length - 20] ^= 0x10;
        store.put(KEY, footerDamaged);
        assertThatThrownBy(() -> SegmentReader.open(store, KEY)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("footer");

        byte[] newerVersion = pristine.clone();
        newerVersion[5] = 9;
        store.put(KEY, newerVersion);
        assertThatThrownBy(() -> SegmentReader.open(store, KEY)).isInstanceOfSatisfying(CorruptSegmentException.class,
                e -> assertThat(e.offset()).isEqualTo(4));

        store.put(KEY, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SegmentReader.open(store, KEY)).isInstanceOf(CorruptSegmentException.class);
    }
}
