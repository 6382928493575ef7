package io.strata.tier.encoding;

import java.util.Arrays;

/**
 * DOUBLE columns: picks, per block and by measurement, the codec that stores the block smallest.
 *
 * <p>Every choice is by measured size, and the loser stops as soon as it is sure to lose. A
 * block whose values all have the same bits is stored once ({@link ColumnCodec#DOUBLE_CONSTANT})
 * unless ALP is smaller still. Otherwise ALP's exponent is chosen on a sample; if the sample is
 * mostly decimals, ALP is sized exactly (without writing it) and Chimp is written to a scratch
 * buffer with ALP's size as its budget; if the sample is mostly full-precision values, Chimp goes
 * first and ALP gets Chimp's size as its budget. The smaller is kept and its codec id goes in the
 * block header. Every codec works on raw bits or verifies each value, so decoding is lossless
 * bit-for-bit (NaN payloads, ±Inf, -0.0, subnormals).
 *
 * <p>Keeps scratch buffers between blocks: not thread-safe, one instance per thread. Encoding is
 * deterministic (same values, same bytes), so replicas that encode the same rows agree.
 */
public final class DoubleColumnCodec {
    private final AlpDoubleCodec alp = new AlpDoubleCodec();
    private final ChimpDoubleCodec chimp = new ChimpDoubleCodec();
    private final BitWriter scratch = new BitWriter();

    /** Writes a header and {@code values[0..count)}; returns the codec it chose. */
    public ColumnCodec encode(double[] values, int count, BitWriter out) {
        if (count == 0) {
            new EncodedBlockHeader(ColumnCodec.DOUBLE_CONSTANT, 0).writeTo(out);
            return ColumnCodec.DOUBLE_CONSTANT;
        }
        AlpExponentChoice choice = alp.choose(values, count);
        if (isConstant(values, count)) {
            // Chimp never beats 64 bits here; ALP does for a few small integers.
            AlpPlan plan = alp.plan(values, count, choice, Long.SIZE - 1);
            if (plan != null) {
                return writeAlp(values, count, plan, out);
            }
            new EncodedBlockHeader(ColumnCodec.DOUBLE_CONSTANT, count).writeTo(out);
            out.writeBits(Double.doubleToRawLongBits(values[0]), 64);
            return ColumnCodec.DOUBLE_CONSTANT;
        }
        scratch.reset();
        if (choice.mostlyExceptions()) {
            // Full-precision values: Chimp first, then ALP only while it can still be smaller.
            chimp.encode(values, count, scratch, Long.MAX_VALUE);
            AlpPlan plan = alp.plan(values, count, choice, scratch.bitLength() - 1);
            return plan != null ? writeAlp(values, count, plan, out) : writeChimp(count, out);
        }
        AlpPlan plan = alp.plan(values, count, choice, Long.MAX_VALUE);
        // Chimp needs at least 2 bits per value after the first: no need to try when ALP is below that.
        boolean chimpSmaller = plan.payloadBits() > Long.SIZE + 2L * (count - 1)
                && chimp.encode(values, count, scratch, plan.payloadBits() - 1);
        return chimpSmaller ? writeChimp(count, out) : writeAlp(values, count, plan, out);
    }

    private ColumnCodec writeChimp(int count, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.DOUBLE_CHIMP, count).writeTo(out);
        out.writeAll(scratch);
        return ColumnCodec.DOUBLE_CHIMP;
    }

    private ColumnCodec writeAlp(double[] values, int count, AlpPlan plan, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.DOUBLE_ALP, count).writeTo(out);
        alp.encode(values, count, plan, out);
        return ColumnCodec.DOUBLE_ALP;
    }

    /** Reads a block written by {@link #encode} into {@code out}; returns the value count. */
    public int decode(BitReader in, double[] out) {
        EncodedBlockHeader header = EncodedBlockHeader.readExpecting(in, out.length,
                ColumnCodec.DOUBLE_CONSTANT, ColumnCodec.DOUBLE_ALP, ColumnCodec.DOUBLE_CHIMP);
        int count = header.valueCount();
        switch (header.codec()) {
            case DOUBLE_CONSTANT -> {
                if (count > 0) {
                    Arrays.fill(out, 0, count, Double.longBitsToDouble(in.readBits(64)));
                }
            }
            case DOUBLE_ALP -> alp.decode(in, count, out);
            default -> chimp.decode(in, count, out);
        }
        return count;
    }

    private static boolean isConstant(double[] values, int count) {
        long first = Double.doubleToRawLongBits(values[0]);
        for (int i = 1; i < count; i++) {
            if (Double.doubleToRawLongBits(values[i]) != first) {
                return false;
            }
        }
        return true;
    }
}
