package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimestampColumnCodecTest {
    private final TimestampColumnCodec codec = new TimestampColumnCodec();

    @Provide
    Arbitrary<long[]> columns() {
        return TestColumns.longColumns();
    }

    @Property(tries = 300)
    void anyLongSequenceRoundTrips(@ForAll("columns") long[] values) {
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Property(tries = 50)
    void irregularTimestampsRoundTrip(@ForAll long seed, @ForAll @IntRange(max = 5000) int count) {
        long[] times = TestColumns.timestamps(seed, count, 10_000_000_000L, 0.2);
        assertThat(roundTrip(times)).containsExactly(times);
    }

    @Property(tries = 200)
    void multiplesOfACommonStepRoundTripInAnyOrder(@ForAll long base, @ForAll @IntRange(min = 1, max = 1_000_000_000) int step,
            @ForAll java.util.List<@IntRange(min = -1_000_000, max = 1_000_000) Integer> multiples) {
        long[] times = multiples.stream().mapToLong(k -> base + (long) k * step).toArray();
        assertThat(roundTrip(times)).containsExactly(times);
    }

    @Test
    void emptyAndSingleValueBlocksRoundTrip() {
        assertThat(roundTrip(new long[0])).isEmpty();
        for (long special : TestColumns.SPECIAL_LONGS) {
            assertThat(roundTrip(new long[] {special})).containsExactly(special);
        }
    }

    @Test
    void extremeJumpsRoundTrip() {
        long[] values = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MAX_VALUE, Long.MAX_VALUE, -1};
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Property(tries = 10)
    void regularTimestampsCostAtMostTwoBitsEach(
            @ForAll @IntRange(min = 1000, max = 10_000) int count,
            @ForAll("intervals") long intervalNanos) {
        long[] times = TestColumns.timestamps(count, count, intervalNanos, 0);
        BitWriter out = new BitWriter();
        codec.encode(times, count, out);
        assertThat((double) out.toByteArray().length * 8 / count).isLessThanOrEqualTo(2.0);
    }

    @Property(tries = 10)
    void millisecondJitterOnNanosecondTimestampsCostsAtMostThirteenBits(@ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        long[] times = new long[1000];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1_700_000_000_000_000_000L + i * 10_000_000_000L + random.nextLong(-50, 51) * 1_000_000L;
        }
        BitWriter out = new BitWriter();
        codec.encode(times, times.length, out);
        assertThat((double) out.toByteArray().length * 8 / times.length).isLessThanOrEqualTo(13.0);
        assertThat(roundTrip(times)).containsExactly(times);
    }

    @Provide
    Arbitrary<Long> intervals() {
        return net.jqwik.api.Arbitraries.of(1_000_000L, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L);
    }

    private long[] roundTrip(long[] values) {
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        long[] decoded = new long[values.length];
        assertThat(codec.decode(new BitReader(out.toByteArray()), decoded)).isEqualTo(values.length);
        return decoded;
    }
}
