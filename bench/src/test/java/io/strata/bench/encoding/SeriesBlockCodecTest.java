package io.strata.bench.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.load.data.DevopsCpuGenerator;
import io.strata.load.data.IotSensorGenerator;
import io.strata.load.data.RandomWalkGenerator;
import io.strata.load.data.SeriesDataset;
import io.strata.tier.encoding.ColumnCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sizes only (never timings): the compression the benchmark reports, on smaller datasets. */
class SeriesBlockCodecTest {

    @Test
    void cpuDatasetStaysUnderTheTargetOfOnePointTwoBytesPerValue() {
        SeriesDataset data = new DevopsCpuGenerator(42)
                .generate(10, 3000, Duration.ofSeconds(10), DevopsCpuGenerator.DEFAULT_START);
        SeriesBlockCodec codec = new SeriesBlockCodec(1000);
        SeriesBlockCodec.EncodedDataset encoded = codec.encodeKeepingBlocks(data);
        codec.verify(data, encoded.blocks());

        double bytesPerValue = (double) (encoded.timeBytes() + encoded.valueBytes()) / data.valueCount();
        assertThat(bytesPerValue).isLessThanOrEqualTo(1.2);
        assertThat(encoded.chosen()).containsOnlyKeys(ColumnCodec.DOUBLE_ALP);
        assertThat(encoded.blocks()).hasSize(30);
    }

    @Test
    void eachDatasetGetsTheCodecItsShapeCallsFor() {
        SeriesDataset iot = new IotSensorGenerator(1).generate(5, 2000, Duration.ofSeconds(10),
                Duration.ofMillis(50), DevopsCpuGenerator.DEFAULT_START);
        SeriesDataset walk = new RandomWalkGenerator(1).generate(5, 2, 2000, Duration.ofSeconds(1),
                DevopsCpuGenerator.DEFAULT_START);
        SeriesBlockCodec codec = new SeriesBlockCodec(1000);

        SeriesBlockCodec.EncodedDataset iotEncoded = codec.encodeKeepingBlocks(iot);
        codec.verify(iot, iotEncoded.blocks());
        assertThat(iotEncoded.chosen()).containsOnlyKeys(ColumnCodec.DOUBLE_ALP);

        SeriesBlockCodec.EncodedDataset walkEncoded = codec.encodeKeepingBlocks(walk);
        codec.verify(walk, walkEncoded.blocks());
        assertThat(walkEncoded.chosen()).containsOnlyKeys(ColumnCodec.DOUBLE_CHIMP);
        assertThat((double) walkEncoded.valueBytes() / walk.valueCount()).isLessThan(8.0);
    }
}
