package io.strata.tier.magnetic;

import static io.strata.tier.magnetic.MagneticTestData.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.model.Record;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentTestData;
import io.strata.tier.segment.TimeRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagneticStoreTest {
    @TempDir
    Path directory;
    BlobStore blobs;
    MagneticStore store;

    @BeforeEach
    void open() {
        blobs = new LocalDirectoryBlobStore(directory);
        store = new MagneticStore(blobs, MagneticStoreOptions.DEFAULT.withScanBatchRows(100).withBlockRows(64));
    }

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void aScanMergesSegmentsInTimeOrderAndTheNewestVersionWins() {
        List<Record> first = MagneticTestData.records(0, 300, 1, 1);
        List<Record> update = MagneticTestData.records(100, 300, 2, 2); // rewrites 100..299 and adds 300..399
        List<Record> stale = MagneticTestData.records(350, 100, 1, 3);   // lower version than update for 350..399
        store.addSegment(PARTITION, 10, MagneticTestData.segment(first));
        store.addSegment(PARTITION, 11, MagneticTestData.segment(update));
        store.addSegment(PARTITION, 12, MagneticTestData.segment(stale));

        List<Record> all = new ArrayList<>(first);
        all.addAll(update);
        all.addAll(stale);
        List<Record> expected = MagneticTestData.newestVersions(all);
        assertThat(expected).hasSize(3 * 450);
        assertThat(MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, series -> true, Projection.all())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void equalVersionsResolveToTheNewerSegment() {
        List<Record> older = MagneticTestData.records(0, 50, 3, 1);
        List<Record> newer = MagneticTestData.records(0, 50, 3, 2);
        store.addSegment(PARTITION, 5, MagneticTestData.segment(older));
        store.addSegment(PARTITION, 6, MagneticTestData.segment(newer));
        assertThat(MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, series -> true, Projection.all())))
                .containsExactlyElementsOf(MagneticTestData.newestVersions(newer));
    }

    @Test
    void rangeSeriesFilterAndProjectionNarrowTheScanAndTheBytesRead() {
        store.addSegment(PARTITION, 1, MagneticTestData.segment(MagneticTestData.records(0, 1000, 1, 1)));
        long from = SegmentTestData.START + 100 * SegmentTestData.STEP;
        long to = SegmentTestData.START + 200 * SegmentTestData.STEP;

        MagneticScan full = store.scan(PARTITION, TimeRange.ALL, series -> true, Projection.all());
        List<Record> all = MagneticTestData.drain(full);
        MagneticScan narrow = store.scan(PARTITION, TimeRange.of(from, to),
                series -> "host-b".equals(series.dimensionValue("host")), Projection.of("cpu"));
        int rows = 0;
        try (narrow) {
            while (narrow.hasNext()) {
                SeriesBatch batch = narrow.next();
                assertThat(batch.series().dimensionValue("host")).isEqualTo("host-b");
                assertThat(batch.columns().names()).containsExactly("time", "cpu");
                var time = (io.strata.core.batch.LongVector) batch.columns().column("time");
                for (int row = 0; row < batch.rowCount(); row++) {
                    assertThat(time.get(row)).isBetween(from, to - 1);
                }
                rows += batch.rowCount();
            }
        }
        assertThat(rows).isEqualTo(100);
        assertThat(all).hasSize(3000);
        // The footer is read either way; of the blocks only host-b's 2-3 overlapping ones are fetched.
        assertThat(narrow.bytesScanned()).isPositive().isLessThan(full.bytesScanned() / 3);
    }

    @Test
    void compactionKeepsEveryRecordOnceWithItsNewestVersionAndDeletesTheInputs() {
        List<Record> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Record> records = MagneticTestData.records(i * 40, 80, 1 + i, 100 + i); // each overlaps the next
            written.addAll(records);
            store.addSegment(PARTITION, 10 + i, MagneticTestData.segment(records));
        }
        List<String> inputs = store.manifest(PARTITION).segments().stream().map(SegmentDescriptor::key).toList();
        List<Record> before = MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all()));

        Manifest compacted = store.compact(PARTITION, 1 << 20, 20);

        assertThat(compacted.segments()).hasSize(1);
        assertThat(compacted.segments().getFirst().level()).isEqualTo(1);
        assertThat(compacted.segments().getFirst().sequence()).isEqualTo(15);
        assertThat(compacted.rowCount()).isEqualTo(MagneticTestData.newestVersions(written).size());
        List<Record> after = MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all()));
        assertThat(after).containsExactlyElementsOf(before).containsExactlyElementsOf(
                MagneticTestData.newestVersions(written));
        assertThat(inputs).noneMatch(key -> blobs.exists(BlobKey.of(key)));
        // Applying the same command again (journal replay) changes nothing.
        assertThat(store.compact(PARTITION, 1 << 20, 20)).isEqualTo(compacted);
    }

    @Test
    void compactionSplitsOutputAtTheTargetSizeAndLeavesBigSegmentsAlone() {
        store.addSegment(PARTITION, 1, MagneticTestData.segment(MagneticTestData.records(0, 3000, 1, 1)));
        long big = store.manifest(PARTITION).segments().getFirst().sizeBytes();
        for (int i = 0; i < 4; i++) {
            store.addSegment(PARTITION, 2 + i, MagneticTestData.segment(MagneticTestData.records(3000 + i * 100, 100, 1, i)));
        }
        long target = big / 2;
        Manifest compacted = store.compact(PARTITION, target, 10);
        assertThat(compacted.segments().getFirst().sizeBytes()).isEqualTo(big);
        assertThat(compacted.segments()).hasSizeLessThan(5);
        assertThat(compacted.rowCount()).isEqualTo(3 * 3400);
    }

    @Test
    void aScanStartedBeforeACompactionFinishesOnTheOldSegments() {
        for (int i = 0; i < 3; i++) {
            store.addSegment(PARTITION, 1 + i, MagneticTestData.segment(MagneticTestData.records(i * 100, 100, 1, i)));
        }
        List<String> oldKeys = store.manifest(PARTITION).segments().stream().map(SegmentDescriptor::key).toList();
        MagneticScan scan = store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all());
        assertThat(scan.hasNext()).isTrue();

        store.compact(PARTITION, 1 << 20, 10);
        assertThat(oldKeys).allMatch(key -> blobs.exists(BlobKey.of(key)));
        assertThat(MagneticTestData.drain(scan)).hasSize(900);
        assertThat(oldKeys).noneMatch(key -> blobs.exists(BlobKey.of(key)));
    }

    @Test
    void expiryDropsOldSegmentsAndTrimsTheOneAcrossTheLine() {
        List<Record> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Record> records = MagneticTestData.records(i * 100, 100, 1, i);
            written.addAll(records);
            store.addSegment(PARTITION, 1 + i, MagneticTestData.segment(records));
        }
        long before = SegmentTestData.START + 150 * SegmentTestData.STEP;
        String dropped = store.manifest(PARTITION).segments().getFirst().key();

        Manifest expired = store.expire(PARTITION, before, 10);

        assertThat(expired.segments()).hasSize(2);
        assertThat(expired.segments()).allSatisfy(segment -> assertThat(segment.minTime()).isGreaterThanOrEqualTo(before));
        assertThat(blobs.exists(BlobKey.of(dropped))).isFalse();
        assertThat(MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                .containsExactlyElementsOf(MagneticTestData.newestVersions(
                        written.stream().filter(record -> record.time() >= before).toList()));
    }

    @Test
    void replicasApplyingTheSameCommandsWriteIdenticalBytes(@TempDir Path otherDirectory) {
        try (BlobStore otherBlobs = new LocalDirectoryBlobStore(otherDirectory)) {
            MagneticStore other = new MagneticStore(otherBlobs, MagneticStoreOptions.DEFAULT.withBlockRows(64));
            for (MagneticStore replica : List.of(store, other)) {
                for (int i = 0; i < 4; i++) {
                    replica.addSegment(PARTITION, 1 + i, MagneticTestData.segment(MagneticTestData.records(i * 50, 80, 1 + i, i)));
                }
                replica.compact(PARTITION, 1 << 20, 10);
                replica.expire(PARTITION, SegmentTestData.START + 30 * SegmentTestData.STEP, 11);
            }
            List<BlobKey> keys = blobs.list("");
            assertThat(otherBlobs.list("")).isEqualTo(keys);
            assertThat(keys).isNotEmpty();
            for (BlobKey key : keys) {
                assertThat(otherBlobs.get(key)).as(key.value()).isEqualTo(blobs.get(key));
            }
        }
    }

    @Test
    void aReopenedStoreSeesTheManifestAndReplayedCommandsAreNoOps() {
        store.addSegment(PARTITION, 7, MagneticTestData.segment(MagneticTestData.records(0, 10, 1, 1)));
        Manifest manifest = store.manifest(PARTITION);

        MagneticStore reopened = new MagneticStore(blobs);
        assertThat(reopened.manifest(PARTITION)).isEqualTo(manifest);
        assertThat(reopened.addSegment(PARTITION, 7, MagneticTestData.segment(MagneticTestData.records(0, 20, 2, 1))))
                .isEqualTo(manifest);
        assertThat(MagneticTestData.drain(reopened.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                .hasSize(30);
    }
}
