package io.strata.tier.magnetic;

import static io.strata.tier.magnetic.MagneticTestData.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.model.Record;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.TimeRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scans running while seals and compactions swap the manifest each see exactly one manifest's rows. */
class MagneticStoreConcurrencyTest {
    @TempDir
    Path directory;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyScanSeesOneWholeManifestWhileChangesSwapIt() throws Exception {
        try (BlobStore blobs = new LocalDirectoryBlobStore(directory)) {
            MagneticStore store = new MagneticStore(blobs, MagneticStoreOptions.DEFAULT.withBlockRows(64));
            store.addSegment(PARTITION, 1, MagneticTestData.segment(MagneticTestData.records(0, 50, 1, 0)));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger scans = new AtomicInteger();
            ExecutorService readers = Executors.newFixedThreadPool(2);
            List<Future<Set<Long>>> results = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                results.add(readers.submit(() -> {
                    Set<Long> generations = new HashSet<>();
                    long previous = 0;
                    while (!stop.get()) {
                        MagneticScan scan = store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all());
                        Manifest manifest = scan.manifest();
                        List<Record> rows = MagneticTestData.drain(scan);
                        // Points never overlap here, so a whole manifest's rows is exactly its row count.
                        assertThat(rows).hasSize((int) manifest.rowCount());
                        assertThat(manifest.generation()).isGreaterThanOrEqualTo(previous);
                        previous = manifest.generation();
                        generations.add(previous);
                        scans.incrementAndGet();
                    }
                    return generations;
                }));
            }
            try {
                for (int i = 1; i <= 24; i++) {
                    long index = 1 + i;
                    if (i % 4 == 0) {
                        store.compact(PARTITION, 1 << 20, index);
                    } else {
                        store.addSegment(PARTITION, index, MagneticTestData.segment(MagneticTestData.records(i * 50, 50, 1, i)));
                    }
                    int seen = scans.get();
                    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> scans.get() > seen);
                }
            } finally {
                stop.set(true);
                readers.shutdown();
            }
            Set<Long> generations = new HashSet<>();
            for (Future<Set<Long>> result : results) {
                generations.addAll(result.get(1, TimeUnit.MINUTES));
            }
            assertThat(generations).hasSizeGreaterThan(5);
            assertThat(MagneticTestData.drain(store.scan(PARTITION, TimeRange.ALL, s -> true, Projection.all())))
                    .hasSize(3 * 50 * (1 + 18)); // the first seal and 18 more; every 4th change compacts
            assertThat(blobs.list(PARTITION.segmentPrefix())).hasSize(store.manifest(PARTITION).segments().size());
        }
    }
}
