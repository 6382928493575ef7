package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;

/**
 * Doubles as the XOR of each value with the previous one, with Chimp's flags (Liakos et al.,
 * VLDB 2022); the XOR family's answer to full-precision values.
 *
 * <p>Per value, two flag bits: {@code 00} identical to the previous value; {@code 01} the XOR
 * has more than {@value #TRAILING_THRESHOLD} trailing zeros: 3-bit leading-zero class, 6-bit
 * length, then only the meaningful bits; {@code 10} same leading-zero class as last time: the
 * XOR's bits below the leading zeros; {@code 11} new leading-zero class (3 bits) and those bits.
 * Leading zeros are rounded down to one of eight classes so they fit in 3 bits. Works on raw
 * bits ({@link Double#doubleToRawLongBits}), so NaN payloads, -0.0 and subnormals survive.
 * Payload only: {@link DoubleColumnCodec} writes the header. Stateless: safe to share.
 */
final class ChimpDoubleCodec {
    private static final int TRAILING_THRESHOLD = 6;
    /** A leading-zero count no XOR has, so the next non-zero XOR reloads the class. */
    private static final int NO_LEADING = Long.SIZE + 1;

    private static final int[] LEADING_CLASS = new int[Long.SIZE + 1];
    private static final int[] LEADING_ROUNDED = new int[Long.SIZE + 1];
    private static final int[] CLASS_LEADING = {0, 8, 12, 16, 18, 20, 22, 24};

    static {
        for (int leading = 0; leading <= Long.SIZE; leading++) {
            int leadingClass = CLASS_LEADING.length - 1;
            while (CLASS_LEADING[leadingClass] > leading) {
                leadingClass--;
            }
            LEADING_CLASS[leading] = leadingClass;
            LEADING_ROUNDED[leading] = CLASS_LEADING[leadingClass];
        }
    }

    /**
     * Writes {@code values[0..count)}; stops early and returns {@code false} as soon as the
     * payload grows past {@code bitBudget} bits (then {@code out} holds a useless prefix), so a
     * caller comparing codecs does not pay for a loser's whole block.
     */
    boolean encode(double[] values, int count, BitWriter out, long bitBudget) {
        if (count == 0) {
            return true;
        }
        long start = out.bitLength();
        long previous = Double.doubleToRawLongBits(values[0]);
        out.writeBits(previous, 64);
        int storedLeading = NO_LEADING;
        for (int i = 1; i < count; i++) {
            long current = Double.doubleToRawLongBits(values[i]);
            long xor = current ^ previous;
            previous = current;
            if (xor == 0) {
                out.writeBits(0b00, 2);
                storedLeading = NO_LEADING;
            } else {
                int trailing = Long.numberOfTrailingZeros(xor);
                int leading = LEADING_ROUNDED[Long.numberOfLeadingZeros(xor)];
                if (trailing > TRAILING_THRESHOLD) {
                    int significant = Long.SIZE - leading - trailing;
                    out.writeBits((0b01L << 9) | ((long) LEADING_CLASS[leading] << 6) | significant, 11);
                    out.writeBits(xor >>> trailing, significant);
                    storedLeading = NO_LEADING;
                } else if (leading == storedLeading) {
                    out.writeBits(0b10, 2);
                    out.writeBits(xor, Long.SIZE - leading);
                } else {
                    out.writeBits((0b11L << 3) | LEADING_CLASS[leading], 5);
                    out.writeBits(xor, Long.SIZE - leading);
                    storedLeading = leading;
                }
            }
            if ((i & 63) == 0 && out.bitLength() - start > bitBudget) {
                return false;
            }
        }
        return out.bitLength() - start <= bitBudget;
    }

    /** Reads {@code count} values written by {@link #encode} into {@code out}. */
    void decode(BitReader in, int count, double[] out) {
        if (count == 0) {
            return;
        }
        long previous = in.readBits(64);
        out[0] = Double.longBitsToDouble(previous);
        int storedLeading = NO_LEADING;
        for (int i = 1; i < count; i++) {
            int flag = (int) in.readBits(2);
            switch (flag) {
                case 0b00 -> storedLeading = NO_LEADING;
                case 0b01 -> {
                    long fields = in.readBits(9);
                    int leading = CLASS_LEADING[(int) (fields >>> 6)];
                    int significant = (int) (fields & 0x3F);
                    int trailing = Long.SIZE - leading - significant;
                    previous ^= in.readBits(significant) << trailing;
                    storedLeading = NO_LEADING;
                }
                case 0b10 -> {
                    if (storedLeading == NO_LEADING) {
                        throw new InternalServerException(
                                "Corrupt column block: Chimp reuses a leading-zero class never set");
                    }
                    previous ^= in.readBits(Long.SIZE - storedLeading);
                }
                default -> {
                    storedLeading = CLASS_LEADING[(int) in.readBits(3)];
                    previous ^= in.readBits(Long.SIZE - storedLeading);
                }
            }
            out[i] = Double.longBitsToDouble(previous);
        }
    }
}
