package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;

/**
 * Doubles as decimals: ALP, adaptive lossless floating point (Afroozeh et al., SIGMOD 2024).
 *
 * <p>Values that were decimals before they became doubles (sensor readings with two decimals,
 * integer counters) turn back into small integers {@code n = round(v * 10^e / 10^f)}; a value is
 * kept only if {@code n * 10^f / 10^e} gives back its exact bits, otherwise it is an exception
 * stored whole with its position (NaN, ±Inf, -0.0, subnormals, full-precision values). The
 * integers are stored as offsets from the block minimum (frame of reference), bit-packed.
 * Exponent {@code e} and factor {@code f} are chosen per block by measurement: every pair is
 * tried on a sample, the best {@value #CANDIDATES} are measured on the whole block.
 *
 * <p>Payload only ({@link DoubleColumnCodec} writes the header). Keeps scratch arrays between
 * blocks, so an instance is not thread-safe: one per encoding or decoding thread.
 */
final class AlpDoubleCodec {
    static final int MAX_EXPONENT = 18;
    private static final int SAMPLE_SIZE = 32;
    private static final int CANDIDATES = 1;
    /** Adding then subtracting 2^52 + 2^51 rounds to the nearest integer for |x| < 2^51. */
    private static final double ROUNDING_MAGIC = 0x1.8p52;
    private static final double ENCODABLE_LIMIT = 0x1p51;
    /** Marks an exception in the scratch arrays; no encodable value reaches it (|n| < 2^51). */
    private static final long EXCEPTION = Long.MIN_VALUE;
    /** An exception's bits in a sample estimate: its value plus a typical position. */
    private static final long EXCEPTION_SAMPLE_COST = Long.SIZE + 16;
    private static final int FIXED_HEADER_BITS = 5 + 5 + 1 + 6 + 64;
    private static final double[] POWER_OF_TEN = new double[MAX_EXPONENT + 1];
    private static final double[] INVERSE_POWER_OF_TEN = new double[MAX_EXPONENT + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_EXPONENT; i++) {
            POWER_OF_TEN[i] = power; // exact: 10^18 < 2^53 * 2^18 and 10^i = 2^i * 5^i
            INVERSE_POWER_OF_TEN[i] = 1 / power;
            power *= 10;
        }
    }

    private long[] encoded = new long[0];
    private long[] candidateEncoded = new long[0];
    private final int[] candidateExponent = new int[CANDIDATES];
    private final int[] candidateFactor = new int[CANDIDATES];
    private final long[] candidateCost = new long[CANDIDATES];
    private int lastSampleExceptions;

    /** Measures the block and returns the cheapest plan; remembers its integers for {@link #encode}. */
    AlpPlan plan(double[] values, int count) {
        if (count == 0) {
            return new AlpPlan(0, 0, false, 0, 0, 0, 0, 0);
        }
        if (encoded.length < count) {
            encoded = new long[count];
            candidateEncoded = new long[count];
        }
        pickCandidatesOnSample(values, count);
        AlpPlan best = null;
        for (int c = 0; c < CANDIDATES; c++) {
            if (candidateCost[c] == Long.MAX_VALUE) {
                continue;
            }
            AlpPlan plan = measure(values, count, candidateExponent[c], candidateFactor[c], candidateEncoded);
            if (best == null || plan.payloadBits() < best.payloadBits()) {
                best = plan;
                long[] swap = encoded;
                encoded = candidateEncoded;
                candidateEncoded = swap;
            }
        }
        return best;
    }

    /** Writes the block {@code plan} was made for; must directly follow {@link #plan}. */
    void encode(double[] values, int count, AlpPlan plan, BitWriter out) {
        if (count == 0) {
            return;
        }
        out.writeBits(plan.exponent(), 5);
        out.writeBits(plan.factor(), 5);
        out.writeBit(plan.deltas());
        out.writeBits(plan.bitWidth(), 6);
        out.writeBits(plan.reference(), 64);
        if (plan.deltas()) {
            out.writeBits(plan.base(), 64);
        }
        out.writeVarLong(plan.exceptionCount());
        long reference = plan.reference();
        int width = plan.bitWidth();
        if (plan.deltas()) {
            long previous = plan.base();
            for (int i = 1; i < count; i++) {
                long n = encoded[i];
                long current = n == EXCEPTION ? previous : n;
                out.writeBits(current - previous - reference, width);
                previous = current;
            }
        } else {
            for (int i = 0; i < count; i++) {
                long n = encoded[i];
                out.writeBits(n == EXCEPTION ? 0 : n - reference, width);
            }
        }
        int positionWidth = positionWidth(count);
        for (int i = 0; i < count && plan.exceptionCount() > 0; i++) {
            if (encoded[i] == EXCEPTION) {
                out.writeBits(i, positionWidth);
                out.writeBits(Double.doubleToRawLongBits(values[i]), 64);
            }
        }
    }

    /** Reads {@code count} values written by {@link #encode} into {@code out}. */
    void decode(BitReader in, int count, double[] out) {
        if (count == 0) {
            return;
        }
        int exponent = (int) in.readBits(5);
        int factor = (int) in.readBits(5);
        boolean deltas = in.readBit();
        int width = (int) in.readBits(6);
        long reference = in.readBits(64);
        long base = deltas ? in.readBits(64) : 0;
        long exceptions = in.readVarLong();
        if (exponent > MAX_EXPONENT || factor > exponent || exceptions < 0 || exceptions > count) {
            throw new InternalServerException("Corrupt column block: ALP exponent " + exponent
                    + ", factor " + factor + ", exceptions " + exceptions);
        }
        double factorScale = POWER_OF_TEN[factor];
        double exponentScale = POWER_OF_TEN[exponent];
        if (deltas) {
            long n = base;
            out[0] = (double) n * factorScale / exponentScale;
            for (int i = 1; i < count; i++) {
                n += reference + in.readBits(width);
                out[i] = (double) n * factorScale / exponentScale;
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = (double) (reference + in.readBits(width)) * factorScale / exponentScale;
            }
        }
        int positionWidth = positionWidth(count);
        for (long e = 0; e < exceptions; e++) {
            int position = (int) in.readBits(positionWidth);
            if (position >= count) {
                throw new InternalServerException("Corrupt column block: ALP exception at " + position);
            }
            out[position] = Double.longBitsToDouble(in.readBits(64));
        }
    }

    /**
     * Keeps the {@value #CANDIDATES} (exponent, factor) pairs that encode a sample smallest. Tries
     * exponents upwards with no factor, stopping at the first that encodes the whole sample (a
     * larger one only widens the integers by a decimal digit), then factors for the best exponent:
     * at most 2 × 19 pairs instead of all 190, and a single one for integer-valued columns.
     */
    private void pickCandidatesOnSample(double[] values, int count) {
        java.util.Arrays.fill(candidateCost, Long.MAX_VALUE);
        int sampleSize = Math.min(SAMPLE_SIZE, count);
        for (int exponent = 0; exponent <= MAX_EXPONENT; exponent++) {
            long cost = sampleCost(values, count, sampleSize, exponent, 0);
            offerCandidate(exponent, 0, cost);
            if (lastSampleExceptions == 0) {
                break; // no exceptions: every larger exponent costs more bits per value
            }
        }
        int bestExponent = candidateExponent[0];
        for (int factor = 1; factor <= bestExponent; factor++) {
            offerCandidate(bestExponent, factor, sampleCost(values, count, sampleSize, bestExponent, factor));
        }
    }

    /** Sample bits under (exponent, factor); leaves the sample's exception count in {@link #lastSampleExceptions}. */
    private long sampleCost(double[] values, int count, int sampleSize, int exponent, int factor) {
        double up = POWER_OF_TEN[exponent] * INVERSE_POWER_OF_TEN[factor];
        double factorScale = POWER_OF_TEN[factor];
        double exponentScale = POWER_OF_TEN[exponent];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int exceptions = 0;
        for (int s = 0; s < sampleSize; s++) {
            double value = values[(int) ((long) s * count / sampleSize)];
            long n = encodeOne(value, up, factorScale, exponentScale);
            if (n == EXCEPTION) {
                exceptions++;
            } else {
                min = Math.min(min, n);
                max = Math.max(max, n);
            }
        }
        lastSampleExceptions = exceptions;
        int width = exceptions == sampleSize ? 0 : Long.SIZE - Long.numberOfLeadingZeros(max - min);
        return (long) sampleSize * width + (long) exceptions * EXCEPTION_SAMPLE_COST;
    }

    private void offerCandidate(int exponent, int factor, long cost) {
        int slot = CANDIDATES;
        while (slot > 0 && cost < candidateCost[slot - 1]) {
            slot--;
        }
        if (slot == CANDIDATES) {
            return;
        }
        for (int i = CANDIDATES - 1; i > slot; i--) {
            candidateCost[i] = candidateCost[i - 1];
            candidateExponent[i] = candidateExponent[i - 1];
            candidateFactor[i] = candidateFactor[i - 1];
        }
        candidateCost[slot] = cost;
        candidateExponent[slot] = exponent;
        candidateFactor[slot] = factor;
    }

    /**
     * Encodes the whole block under (exponent, factor) into {@code target} and sizes both layouts:
     * offsets from the minimum, or offsets of the deltas between neighbours from the smallest
     * delta (exceptions repeat their predecessor, so they add a zero delta). Deltas win on slow
     * walks, whose neighbours differ by far less than the block's range.
     */
    private static AlpPlan measure(double[] values, int count, int exponent, int factor, long[] target) {
        double up = POWER_OF_TEN[exponent] * INVERSE_POWER_OF_TEN[factor];
        double factorScale = POWER_OF_TEN[factor];
        double exponentScale = POWER_OF_TEN[exponent];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long minDelta = Long.MAX_VALUE;
        long maxDelta = Long.MIN_VALUE;
        long previous = EXCEPTION;
        long first = EXCEPTION;
        int exceptions = 0;
        for (int i = 0; i < count; i++) {
            long n = encodeOne(values[i], up, factorScale, exponentScale);
            target[i] = n;
            if (n == EXCEPTION) {
                exceptions++;
            } else {
                min = Math.min(min, n);
                max = Math.max(max, n);
                if (previous == EXCEPTION) {
                    first = n;
                } else {
                    minDelta = Math.min(minDelta, n - previous);
                    maxDelta = Math.max(maxDelta, n - previous);
                }
                previous = n;
            }
        }
        if (exceptions == count) {
            min = 0;
            max = 0;
        }
        if (exceptions > 0 && count > 1) {
            minDelta = Math.min(minDelta, 0);
            maxDelta = Math.max(maxDelta, 0);
        }
        if (minDelta > maxDelta) {
            minDelta = 0;
            maxDelta = 0;
        }
        long exceptionBits = varLongBits(exceptions) + (long) exceptions * (positionWidth(count) + Long.SIZE);
        int width = Long.SIZE - Long.numberOfLeadingZeros(max - min);
        long frameBits = FIXED_HEADER_BITS + exceptionBits + (long) count * width;
        int deltaWidth = Long.SIZE - Long.numberOfLeadingZeros(maxDelta - minDelta);
        long deltaBits = FIXED_HEADER_BITS + Long.SIZE + exceptionBits + (long) (count - 1) * deltaWidth;
        if (deltaBits < frameBits) {
            return new AlpPlan(exponent, factor, true, minDelta, first == EXCEPTION ? 0 : first, deltaWidth, exceptions,
                    deltaBits);
        }
        return new AlpPlan(exponent, factor, false, min, 0, width, exceptions, frameBits);
    }

    /** The integer {@code value} becomes under (e, f), or {@link #EXCEPTION} if it does not come back exactly. */
    private static long encodeOne(double value, double up, double factorScale, double exponentScale) {
        double scaled = value * up;
        if (!(Math.abs(scaled) < ENCODABLE_LIMIT)) {
            return EXCEPTION; // also NaN and ±Inf
        }
        long n = (long) ((scaled + ROUNDING_MAGIC) - ROUNDING_MAGIC);
        double back = (double) n * factorScale / exponentScale;
        return Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(value) ? n : EXCEPTION;
    }

    private static int positionWidth(int count) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(count - 1);
    }

    private static int varLongBits(long value) {
        int groups = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            groups++;
        }
        return groups * 8;
    }
}
