package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BitmapColumnCodecTest {
    private final BitmapColumnCodec codec = new BitmapColumnCodec();

    @Property(tries = 300)
    void anyBitsRoundTrip(@ForAll @Size(max = 3000) List<Boolean> bits) {
        boolean[] values = new boolean[bits.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = bits.get(i);
        }
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Test
    void emptyAndUniformBlocksRoundTripAndCostNothingPerValue() {
        assertThat(roundTrip(new boolean[0])).isEmpty();
        for (boolean value : new boolean[] {true, false}) {
            boolean[] values = new boolean[10_000];
            java.util.Arrays.fill(values, value);
            BitWriter out = new BitWriter();
            codec.encode(values, values.length, out);
            assertThat(out.toByteArray().length).isLessThanOrEqualTo(4);
            assertThat(roundTrip(values)).containsExactly(values);
        }
    }

    @Test
    void mixedBitsCostOneBitEach() {
        boolean[] values = new boolean[1000];
        for (int i = 0; i < values.length; i += 3) {
            values[i] = true;
        }
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        assertThat(out.bitLength()).isBetween(1000L, 1000L + 32);
        assertThat(roundTrip(values)).containsExactly(values);
    }

    private boolean[] roundTrip(boolean[] values) {
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        boolean[] decoded = new boolean[values.length];
        assertThat(codec.decode(new BitReader(out.toByteArray()), decoded)).isEqualTo(values.length);
        return decoded;
    }
}
