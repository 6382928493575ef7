package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;
import java.util.Arrays;

/**
 * BOOLEAN columns and null positions: one bit per value, or just a 2-bit mode when every value
 * is the same (the common "no nulls in this block" case costs nothing per value). Stateless:
 * safe to share between threads.
 */
public final class BitmapColumnCodec {
    private static final int ALL_FALSE = 0;
    private static final int ALL_TRUE = 1;
    private static final int ONE_BIT_EACH = 2;

    /** Writes a header and {@code values[0..count)}. */
    public void encode(boolean[] values, int count, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.BITMAP, count).writeTo(out);
        if (count == 0) {
            return;
        }
        int trues = 0;
        for (int i = 0; i < count; i++) {
            trues += values[i] ? 1 : 0;
        }
        if (trues == 0 || trues == count) {
            out.writeBits(trues == 0 ? ALL_FALSE : ALL_TRUE, 2);
            return;
        }
        out.writeBits(ONE_BIT_EACH, 2);
        int i = 0;
        for (; i + Long.SIZE <= count; i += Long.SIZE) {
            long word = 0;
            for (int bit = 0; bit < Long.SIZE; bit++) {
                word = (word << 1) | (values[i + bit] ? 1 : 0);
            }
            out.writeBits(word, Long.SIZE);
        }
        for (; i < count; i++) {
            out.writeBit(values[i]);
        }
    }

    /** Reads a block written by {@link #encode} into {@code out}; returns the value count. */
    public int decode(BitReader in, boolean[] out) {
        int count = EncodedBlockHeader.readExpecting(in, out.length, ColumnCodec.BITMAP).valueCount();
        if (count == 0) {
            return 0;
        }
        int mode = (int) in.readBits(2);
        switch (mode) {
            case ALL_FALSE, ALL_TRUE -> Arrays.fill(out, 0, count, mode == ALL_TRUE);
            case ONE_BIT_EACH -> {
                int i = 0;
                for (; i + Long.SIZE <= count; i += Long.SIZE) {
                    long word = in.readBits(Long.SIZE);
                    for (int bit = 0; bit < Long.SIZE; bit++) {
                        out[i + bit] = (word << bit) < 0;
                    }
                }
                for (; i < count; i++) {
                    out[i] = in.readBit();
                }
            }
            default -> throw new InternalServerException("Corrupt column block: bitmap mode " + mode);
        }
        return count;
    }
}
