package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.error.InternalServerException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Damaged bytes are reported as a corrupt block, never as a crash of another kind or a huge allocation. */
class CorruptBlockTest {

    @Property(tries = 1000)
    void randomBytesAfterAValidCodecIdDecodeOrReportCorruption(
            @ForAll @IntRange(min = 1, max = 7) int codecId, @ForAll @Size(max = 200) byte[] rest) {
        byte[] block = new byte[rest.length + 1];
        block[0] = (byte) codecId;
        System.arraycopy(rest, 0, block, 1, rest.length);
        assertOnlyCorruptionOrSuccess(block);
    }

    @Property(tries = 300)
    void flippedBitsInRealBlocksDecodeOrReportCorruption(
            @ForAll @IntRange(min = 0, max = 4) int column, @ForAll @IntRange(min = 0, max = 1_000_000) int bit) {
        BitWriter out = new BitWriter();
        double[] doubles = TestColumns.twoDecimalWalk(bit, 300);
        switch (column) {
            case 0 -> new TimestampColumnCodec().encode(TestColumns.timestamps(bit, 300, 1_000_000_000L, 0.1), 300, out);
            case 1 -> new DoubleColumnCodec().encode(doubles, 300, out);
            case 2 -> new DoubleColumnCodec().encode(TestColumns.randomWalk(bit, 300, 1.0), 300, out);
            case 3 -> new LongColumnCodec().encode(TestColumns.longWalk(bit, 300, 100), 300, out);
            default -> {
                String[] strings = new String[300];
                for (int i = 0; i < strings.length; i++) {
                    strings[i] = "value-" + (i % 7);
                }
                new StringColumnCodec().encode(strings, 300, out);
            }
        }
        byte[] block = out.toByteArray();
        int position = bit % (block.length * 8);
        block[position / 8] ^= (byte) (1 << (position % 8));
        assertOnlyCorruptionOrSuccess(block);
    }

    private static void assertOnlyCorruptionOrSuccess(byte[] block) {
        int capacity = 4096;
        Runnable[] decoders = {
            () -> new TimestampColumnCodec().decode(new BitReader(block), new long[capacity]),
            () -> new LongColumnCodec().decode(new BitReader(block), new long[capacity]),
            () -> new DoubleColumnCodec().decode(new BitReader(block), new double[capacity]),
            () -> new StringColumnCodec().decode(new BitReader(block), new String[capacity]),
            () -> new BitmapColumnCodec().decode(new BitReader(block), new boolean[capacity]),
        };
        for (Runnable decoder : decoders) {
            try {
                decoder.run();
            } catch (InternalServerException | IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
