package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;

/**
 * BIGINT (and TIMESTAMP-typed measure) values: delta, frame of reference, bit-packing.
 *
 * <p>The first value is stored whole. The deltas between neighbours are cut into mini-blocks of
 * {@value #MINI_BLOCK} values; each stores its smallest delta (zigzag, variable-length) as the
 * frame of reference and every delta minus that reference in the fewest bits that hold the
 * largest one. Mini-blocks keep one outlier from widening the whole column. Deltas and offsets
 * wrap in two's complement, so a jump from Long.MIN_VALUE to Long.MAX_VALUE costs 64 bits but
 * decodes exactly. Stateless: safe to share between threads.
 */
public final class LongColumnCodec {
    static final int MINI_BLOCK = 128;

    /** Writes a header and {@code values[0..count)}. */
    public void encode(long[] values, int count, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.LONG_DELTA_BIT_PACKED, count).writeTo(out);
        if (count == 0) {
            return;
        }
        out.writeBits(values[0], 64);
        for (int start = 1; start < count; start += MINI_BLOCK) {
            int end = Math.min(count, start + MINI_BLOCK);
            long reference = Long.MAX_VALUE;
            for (int i = start; i < end; i++) {
                reference = Math.min(reference, values[i] - values[i - 1]);
            }
            long offsetBits = 0;
            for (int i = start; i < end; i++) {
                offsetBits |= values[i] - values[i - 1] - reference;
            }
            int width = Long.SIZE - Long.numberOfLeadingZeros(offsetBits);
            out.writeVarLong(ZigZag.encode(reference));
            out.writeBits(width, 7);
            for (int i = start; i < end; i++) {
                out.writeBits(values[i] - values[i - 1] - reference, width);
            }
        }
    }

    /** Reads a block written by {@link #encode} into {@code out}; returns the value count. */
    public int decode(BitReader in, long[] out) {
        int count = EncodedBlockHeader.readExpecting(in, out.length, ColumnCodec.LONG_DELTA_BIT_PACKED)
                .valueCount();
        if (count == 0) {
            return 0;
        }
        long previous = in.readBits(64);
        out[0] = previous;
        for (int start = 1; start < count; start += MINI_BLOCK) {
            int end = Math.min(count, start + MINI_BLOCK);
            long reference = ZigZag.decode(in.readVarLong());
            int width = (int) in.readBits(7);
            if (width > Long.SIZE) {
                throw new InternalServerException(
                        "Corrupt column block: bit width " + width);
            }
            for (int i = start; i < end; i++) {
                previous += reference + in.readBits(width);
                out[i] = previous;
            }
        }
        return count;
    }
}
