package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.InternalServerException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Columns of different types written one after another, as a segment writer lays out a block. */
class ColumnBlockLayoutTest {

    @Test
    void columnsOfEveryTypeDecodeInSequenceFromOneBuffer() {
        long[] times = TestColumns.timestamps(1, 1000, 10_000_000_000L, 0.01);
        double[] temperatures = TestColumns.twoDecimalWalk(2, 1000);
        double[] noise = TestColumns.randomWalk(3, 1000, 1.0);
        long[] counters = TestColumns.longWalk(4, 1000, 1000);
        String[] regions = new String[1000];
        boolean[] nulls = new boolean[1000];
        for (int i = 0; i < 1000; i++) {
            regions[i] = "region-" + (i % 3);
            nulls[i] = i % 17 == 0;
        }

        BitWriter out = new BitWriter();
        new TimestampColumnCodec().encode(times, 1000, out);
        new DoubleColumnCodec().encode(temperatures, 1000, out);
        new DoubleColumnCodec().encode(noise, 1000, out);
        new LongColumnCodec().encode(counters, 1000, out);
        new StringColumnCodec().encode(regions, 1000, out);
        new BitmapColumnCodec().encode(nulls, 1000, out);
        byte[] block = out.toByteArray();

        BitReader in = new BitReader(block);
        long[] longs = new long[1000];
        double[] doubles = new double[1000];
        new TimestampColumnCodec().decode(in, longs);
        assertThat(longs).containsExactly(times);
        DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
        doubleCodec.decode(in, doubles);
        assertThat(DoubleColumnCodecTest.rawBits(doubles)).containsExactly(DoubleColumnCodecTest.rawBits(temperatures));
        doubleCodec.decode(in, doubles);
        assertThat(DoubleColumnCodecTest.rawBits(doubles)).containsExactly(DoubleColumnCodecTest.rawBits(noise));
        new LongColumnCodec().decode(in, longs);
        assertThat(longs).containsExactly(counters);
        String[] strings = new String[1000];
        new StringColumnCodec().decode(in, strings);
        assertThat(strings).containsExactly(regions);
        boolean[] booleans = new boolean[1000];
        new BitmapColumnCodec().decode(in, booleans);
        assertThat(booleans).containsExactly(nulls);
        assertThat(in.bytePosition()).isEqualTo(block.length);
    }

    @Test
    void headerTellsTheCodecAndCountBeforeDecoding() {
        BitWriter out = new BitWriter();
        new DoubleColumnCodec().encode(TestColumns.twoDecimalWalk(5, 777), 777, out);
        EncodedBlockHeader header = EncodedBlockHeader.readFrom(new BitReader(out.toByteArray()));
        assertThat(header).isEqualTo(new EncodedBlockHeader(ColumnCodec.DOUBLE_ALP, 777));
    }

    @Test
    void wrongTypeUnknownCodecAndTruncationAreCorruptBlocks() {
        BitWriter out = new BitWriter();
        new LongColumnCodec().encode(new long[] {1, 2, 3}, 3, out);
        byte[] longBlock = out.toByteArray();
        assertThatThrownBy(() -> new DoubleColumnCodec().decode(new BitReader(longBlock), new double[3]))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("LONG_DELTA_BIT_PACKED");

        byte[] unknown = longBlock.clone();
        unknown[0] = (byte) 0xEE;
        assertThatThrownBy(() -> new LongColumnCodec().decode(new BitReader(unknown), new long[3]))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("unknown codec id 238");

        byte[] truncated = Arrays.copyOf(longBlock, longBlock.length - 2);
        assertThatThrownBy(() -> new LongColumnCodec().decode(new BitReader(truncated), new long[3]))
                .isInstanceOf(InternalServerException.class);
    }

    @Test
    void tooSmallTargetArrayIsTheCallersMistake() {
        BitWriter out = new BitWriter();
        new LongColumnCodec().encode(new long[] {1, 2, 3}, 3, out);
        assertThatThrownBy(() -> new LongColumnCodec().decode(new BitReader(out.toByteArray()), new long[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
