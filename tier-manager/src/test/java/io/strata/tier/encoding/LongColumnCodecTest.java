package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LongColumnCodecTest {
    private final LongColumnCodec codec = new LongColumnCodec();

    @Provide
    Arbitrary<long[]> columns() {
        return TestColumns.longColumns();
    }

    @Property(tries = 300)
    void anyLongSequenceRoundTrips(@ForAll("columns") long[] values) {
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Test
    void emptyAndSingleValueBlocksRoundTrip() {
        assertThat(roundTrip(new long[0])).isEmpty();
        for (long special : TestColumns.SPECIAL_LONGS) {
            assertThat(roundTrip(new long[] {special})).containsExactly(special);
        }
    }

    @Test
    void deltasThatOverflowRoundTrip() {
        long[] values = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE, 0, Long.MIN_VALUE};
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Test
    void constantRunCostsAlmostNothing() {
        long[] values = new long[10_000];
        java.util.Arrays.fill(values, Long.MIN_VALUE);
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        assertThat((double) out.bitLength() / values.length).isLessThan(0.2);
    }

    @Test
    void smallCountersCostTheirDeltaWidth() {
        long[] values = new long[10_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i < values.length; i++) {
            values[i] = values[i - 1] + random.nextInt(16); // deltas 0..15: 4 bits
        }
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        assertThat((double) out.bitLength() / values.length).isBetween(4.0, 4.2);
        assertThat(roundTrip(values)).containsExactly(values);
    }

    private long[] roundTrip(long[] values) {
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        long[] decoded = new long[values.length];
        assertThat(codec.decode(new BitReader(out.toByteArray()), decoded)).isEqualTo(values.length);
        return decoded;
    }
}
