package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.seal;
import static io.strata.tier.shard.Commands.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.StoredRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seal moves rows to the magnetic tier; scans before, during and after see every row exactly once. */
class SealTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long OLD_SLOT = Math.floorDiv(INGEST - 20 * HOUR, DAY);

    @TempDir
    Path directory;
    private RecordingMagneticTier magnetic;
    private ShardStore store;
    private final AtomicLong index = new AtomicLong();

    @BeforeEach
    void fill() {
        magnetic = new RecordingMagneticTier();
        store = ShardStores.open(ShardStores.configuration(directory, magnetic));
        for (int host = 0; host < 8; host++) {
            List<StoredRecord> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                records.add(doubleRecord("host-" + host, INGEST - 20 * HOUR + i * SECOND, 1, host * 1000 + i));
            }
            for (int i = 0; i < 10; i++) {
                records.add(doubleRecord("host-" + host, INGEST - HOUR + i * SECOND, 1, -i));
            }
            store.apply(index.incrementAndGet(), write(records.toArray(StoredRecord[]::new)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void sealOldSlot() {
        for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
            store.apply(index.incrementAndGet(), seal(OLD_SLOT, bucket, INGEST));
        }
    }

    @Test
    void sealMovesTheSlotsRowsAndScansStillSeeThemOnce() {
        List<String> expected = ScanRows.all(store);
        assertThat(expected).hasSize(880);

        sealOldSlot();

        assertThat(store.memoryUsage().rows()).isEqualTo(80);
        assertThat(magnetic.sealedPartitions).isNotEmpty().allMatch(partition -> partition.getTimeSlot() == OLD_SLOT);
        assertThat(ScanRows.all(store)).isEqualTo(expected);

        // Sealing again finds nothing left to move.
        int segments = magnetic.sealedPartitions.size();
        sealOldSlot();
        assertThat(magnetic.sealedPartitions).hasSize(segments);
        assertThat(ScanRows.all(store)).isEqualTo(expected);
    }

    @Test
    void aSealOnlyMovesRowsBeforeItsBound() {
        for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
            store.apply(index.incrementAndGet(), seal(OLD_SLOT, bucket, INGEST - 20 * HOUR + 40 * SECOND));
        }
        assertThat(store.memoryUsage().rows()).isEqualTo(8 * 60 + 80);
    }

    @Test
    void aNewerVersionInMemoryWinsOverTheSealedRow() {
        sealOldSlot();
        store.apply(index.incrementAndGet(), write(doubleRecord("host-3", INGEST - 20 * HOUR, 2, 42.0)));
        List<String> rows = ScanRows.all(store);
        assertThat(rows).hasSize(880);
        assertThat(rows).filteredOn(line -> line.startsWith("host=host-3|") && line.contains("time=" + (INGEST - 20 * HOUR)))
                .singleElement().asString().endsWith("measure_value::double=42.0|cpu=null|count=null|status=null");
    }

    @Test
    void scansStartedBeforeAndRunningDuringASealSeeEveryRowExactlyOnce() throws Exception {
        List<String> expected = ScanRows.all(store);
        CountDownLatch segmentWritten = new CountDownLatch(1);
        CountDownLatch releaseSegment = new CountDownLatch(1);
        magnetic.segmentWritten = segmentWritten;
        magnetic.releaseSegment = releaseSegment;

        ShardScan startedBefore = store.scan(new ScanRequest(Commands.TABLE.tableId(), ScanRows.WIDE, 0,
                Long.MAX_VALUE, java.util.Map.of(), java.util.Set.of(), 16));
        List<String> seenBefore = new ArrayList<>(ScanRows.lines(startedBefore.next()));

        CompletableFuture<Void> sealing = CompletableFuture.runAsync(this::sealOldSlot);
        assertThat(segmentWritten.await(60, TimeUnit.SECONDS)).isTrue();
        // The first segment is written but not published: a full scan now reads memory only.
        assertThat(ScanRows.all(store)).isEqualTo(expected);
        seenBefore.addAll(ScanRows.lines(startedBefore.next()));

        AtomicBoolean sealed = new AtomicBoolean();
        AtomicInteger fullScans = new AtomicInteger();
        CompletableFuture<List<List<String>>> scanning = CompletableFuture.supplyAsync(() -> {
            List<List<String>> mismatches = new ArrayList<>();
            while (!sealed.get() || fullScans.get() == 0) {
                List<String> rows = ScanRows.all(store);
                fullScans.incrementAndGet();
                if (!rows.equals(expected)) {
                    mismatches.add(rows);
                }
            }
            return mismatches;
        });
        releaseSegment.countDown();
        sealing.get(120, TimeUnit.SECONDS);
        sealed.set(true);

        assertThat(scanning.get(120, TimeUnit.SECONDS)).isEmpty();
        assertThat(fullScans.get()).isPositive();
        startedBefore.forEachRemaining(batch -> seenBefore.addAll(ScanRows.lines(batch)));
        assertThat(seenBefore).isEqualTo(expected);
        assertThat(store.memoryUsage().rows()).isEqualTo(80);
        assertThat(ScanRows.all(store)).isEqualTo(expected);
    }
}
