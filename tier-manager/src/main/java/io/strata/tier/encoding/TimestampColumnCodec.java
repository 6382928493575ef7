package io.strata.tier.encoding;

/**
 * Timestamps as delta-of-delta in variable-width buckets (Gorilla, Pelkonen et al. 2015).
 *
 * <p>The first timestamp is stored whole; each next one stores how much its delta differs from
 * the previous delta, zigzag-mapped, in the smallest bucket that holds it: {@code 0} (1 bit, the
 * regular-interval case), {@code 10}+7 bits, {@code 110}+9, {@code 1110}+12, {@code 11110}+32,
 * {@code 11111}+64. All arithmetic wraps, so any {@code long} sequence (unsorted, Long.MIN/MAX
 * neighbours) decodes exactly.
 *
 * <p>Before that, the offsets from the first timestamp are divided by their greatest common
 * divisor (stored once): nanosecond timestamps written with millisecond precision and a little
 * jitter then cost 12 bits instead of 37. Stateless: safe to share between threads.
 */
public final class TimestampColumnCodec {

    /** Writes a header and {@code values[0..count)}. */
    public void encode(long[] values, int count, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.TIMESTAMP_DELTA_OF_DELTA, count).writeTo(out);
        if (count == 0) {
            return;
        }
        long first = values[0];
        long scale = commonDivisorOfOffsets(values, count);
        out.writeBits(first, 64);
        out.writeVarLong(scale);
        long previous = 0;
        long previousDelta = 0;
        for (int i = 1; i < count; i++) {
            long current = (values[i] - first) / scale;
            long delta = current - previous;
            long zigzag = ZigZag.encode(delta - previousDelta);
            if (zigzag == 0) {
                out.writeBits(0, 1);
            } else if (zigzag >>> 7 == 0) {
                out.writeBits((0b10L << 7) | zigzag, 2 + 7);
            } else if (zigzag >>> 9 == 0) {
                out.writeBits((0b110L << 9) | zigzag, 3 + 9);
            } else if (zigzag >>> 12 == 0) {
                out.writeBits((0b1110L << 12) | zigzag, 4 + 12);
            } else if (zigzag >>> 32 == 0) {
                out.writeBits((0b11110L << 32) | zigzag, 5 + 32);
            } else {
                out.writeBits(0b11111, 5);
                out.writeBits(zigzag, 64);
            }
            previous = current;
            previousDelta = delta;
        }
    }

    /** Reads a block written by {@link #encode} into {@code out}; returns the value count. */
    public int decode(BitReader in, long[] out) {
        int count = EncodedBlockHeader.readExpecting(in, out.length, ColumnCodec.TIMESTAMP_DELTA_OF_DELTA)
                .valueCount();
        if (count == 0) {
            return 0;
        }
        long first = in.readBits(64);
        long scale = in.readVarLong();
        out[0] = first;
        long previous = 0;
        long previousDelta = 0;
        for (int i = 1; i < count; i++) {
            long zigzag;
            if (!in.readBit()) {
                zigzag = 0;
            } else if (!in.readBit()) {
                zigzag = in.readBits(7);
            } else if (!in.readBit()) {
                zigzag = in.readBits(9);
            } else if (!in.readBit()) {
                zigzag = in.readBits(12);
            } else if (!in.readBit()) {
                zigzag = in.readBits(32);
            } else {
                zigzag = in.readBits(64);
            }
            previousDelta += ZigZag.decode(zigzag);
            previous += previousDelta;
            out[i] = first + previous * scale;
        }
        return count;
    }

    /**
     * The largest divisor of every {@code values[i] - values[0]}, or 1 when an offset overflows
     * (then the plain wrapping deltas are exact and no division is safe).
     */
    private static long commonDivisorOfOffsets(long[] values, int count) {
        long first = values[0];
        long divisor = 0;
        for (int i = 1; i < count && divisor != 1; i++) {
            long offset = values[i] - first;
            if (((values[i] ^ first) & (values[i] ^ offset)) < 0 || offset == Long.MIN_VALUE) {
                return 1; // subtraction overflowed, or |offset| does not fit
            }
            offset = Math.abs(offset);
            if (divisor == 0 || offset % divisor != 0) {
                divisor = greatestCommonDivisor(divisor, offset);
            }
        }
        return divisor == 0 ? 1 : divisor;
    }

    private static long greatestCommonDivisor(long a, long b) {
        while (b != 0) {
            long rest = a % b;
            a = b;
            b = rest;
        }
        return a;
    }
}
