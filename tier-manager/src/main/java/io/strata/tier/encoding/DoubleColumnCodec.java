package io.strata.tier.encoding;

/**
 * DOUBLE columns: picks, per block and by measurement, the codec that stores the block smallest.
 *
 * <p>ALP is planned on the block (its exact size is known without writing it). A block whose
 * values all have the same bits is stored once ({@link ColumnCodec#DOUBLE_CONSTANT}) unless ALP
 * is smaller still; otherwise Chimp is written to a scratch buffer with ALP's size as its budget,
 * giving up as soon as it is larger. The smaller is kept and its codec id goes in the header. Every codec works on
 * raw bits or verifies each value, so decoding is lossless bit-for-bit (NaN payloads, ±Inf,
 * -0.0, subnormals).
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
        AlpPlan plan = alp.plan(values, count);
        if (isConstant(values, count)) {
            // Chimp never beats 64 bits here; ALP does for a few small integers.
            if (plan.payloadBits() < Long.SIZE) {
                return writeAlp(values, count, plan, out);
            }
            new EncodedBlockHeader(ColumnCodec.DOUBLE_CONSTANT, count).writeTo(out);
            out.writeBits(Double.doubleToRawLongBits(values[0]), 64);
            return ColumnCodec.DOUBLE_CONSTANT;
        }
        scratch.reset();
        // Chimp needs at least 2 bits per value after the first: no need to try when ALP is below that.
        boolean chimpSmaller = plan.payloadBits() > Long.SIZE + 2L * (count - 1)
                && chimp.encode(values, count, scratch, plan.payloadBits() - 1);
        if (chimpSmaller) {
            new EncodedBlockHeader(ColumnCodec.DOUBLE_CHIMP, count).writeTo(out);
            out.writeAll(scratch);
            return ColumnCodec.DOUBLE_CHIMP;
        }
        return writeAlp(values, count, plan, out);
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
                    java.util.Arrays.fill(out, 0, count, Double.longBitsToDouble(in.readBits(64)));
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
