package io.strata.bench.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.load.data.DevopsCpuGenerator;
import io.strata.load.data.SeriesDataset;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.segment.DecodedBlock;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.SegmentReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan benchmark decodes every value of the dataset once (sizes and counts, never timings). */
class SegmentScanTest {
    @TempDir
    Path directory;

    @Test
    void aFullScanDecodesEveryValueAndTheSegmentStaysCompact() {
        SeriesDataset data = new DevopsCpuGenerator(42).generate(7, 2500, Duration.ofSeconds(10),
                DevopsCpuGenerator.DEFAULT_START);
        EncodedSegment segment = SegmentScan.write(data, 1000);
        try (LocalDirectoryBlobStore store = new LocalDirectoryBlobStore(directory)) {
            store.put(SegmentScan.KEY, segment.bytes());
            SegmentReader reader = SegmentReader.open(store, SegmentScan.KEY);
            assertThat(SegmentScan.scan(reader, new DecodedBlock())).isEqualTo(data.valueCount());
            assertThat(reader.series()).hasSize(7);
            assertThat(reader.series().getFirst().blocks()).hasSize(3);
        }
        assertThat((double) segment.sizeBytes() / data.valueCount()).isLessThan(1.2);
    }
}
