package io.strata.load.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    private static final Instant START = DevopsCpuGenerator.DEFAULT_START;

    @Test
    void cpuLikeTsbsIsIntegerValuedInZeroToHundredAtExactIntervals() {
        SeriesDataset data = new DevopsCpuGenerator(1).generate(3, 500, Duration.ofSeconds(10), START);
        assertThat(data.fields()).hasSize(10).startsWith("usage_user");
        for (int host = 0; host < 3; host++) {
            for (int point = 1; point < 500; point++) {
                assertThat(data.timestamps()[host][point] - data.timestamps()[host][point - 1])
                        .isEqualTo(10_000_000_000L);
            }
            for (double[] field : data.values()[host]) {
                for (double value : field) {
                    assertThat(value).isBetween(0.0, 100.0).isEqualTo(Math.rint(value));
                }
            }
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        SeriesDataset first = new DevopsCpuGenerator(7).generate(2, 100, Duration.ofSeconds(10), START);
        SeriesDataset again = new DevopsCpuGenerator(7).generate(2, 100, Duration.ofSeconds(10), START);
        SeriesDataset other = new DevopsCpuGenerator(8).generate(2, 100, Duration.ofSeconds(10), START);
        assertThat(again.values()).isDeepEqualTo(first.values());
        assertThat(other.values()).isNotEqualTo(first.values());
        assertThat(new RandomWalkGenerator(7).generate(2, 3, 100, Duration.ofSeconds(1), START).values())
                .isDeepEqualTo(new RandomWalkGenerator(7).generate(2, 3, 100, Duration.ofSeconds(1), START).values());
    }

    @Test
    void iotReadingsHaveTwoDecimalsAndMillisecondJitter() {
        SeriesDataset data = new IotSensorGenerator(3)
                .generate(2, 1000, Duration.ofSeconds(10), Duration.ofMillis(50), START);
        for (int device = 0; device < 2; device++) {
            for (double[] field : data.values()[device]) {
                for (double value : field) {
                    assertThat(Math.round(value * 100) / 100.0).isEqualTo(value);
                }
            }
            long[] times = data.timestamps()[device];
            for (int point = 0; point < times.length; point++) {
                long offset = times[point] - times[0] - point * 10_000_000_000L;
                assertThat(offset % 1_000_000L).isZero();
                assertThat(Math.abs(offset)).isLessThanOrEqualTo(100_000_000L);
            }
        }
    }
}
