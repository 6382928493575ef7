package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;

/**
 * Doubles as decimals: ALP, adaptive lossless floating point (Afroozeh et al., SIGMOD 2024).
 *
 * <p>Values that were decimals before they became doubles (sensor readings with two decimals,
 * integer-valued gauges) turn back into small integers {@code n = round(v * 10^e / 10^f)}; a
 * value is kept only if {@code n * 10^f / 10^e} gives back its exact bits, otherwise it is an
 * exception stored whole with its position (NaN, ±Inf, -0.0, subnormals, full-precision values).
 *
 * <p>The integers are bit-packed in vectors of {@value #VECTOR}, each with its own frame of
 * reference (minimum) and bit width, so one spike widens only its own vector. Two layouts are
 * sized exactly and the smaller kept: the integers themselves, or the first integer plus the
 * deltas between neighbours (slow walks, whose steps are far smaller than their range; an
 * extension of the paper's layout). Exponent and factor are chosen per block on a sample
 * ({@link #choose}); the block is then measured exactly ({@link #plan}) and written ({@link #encode}).
 *
 * <p>Payload only ({@link DoubleColumnCodec} writes the header). Keeps scratch arrays between
 * blocks, so an instance is not thread-safe: one per encoding or decoding thread. Uses only
 * IEEE arithmetic, which Java defines exactly: every JVM encodes a block to the same bytes.
 */
final class AlpDoubleCodec {
    static final int MAX_EXPONENT = 18;
    static final int VECTOR = 256;
    private static final int SAMPLE_SIZE = 32;
    /** Adding then subtracting 2^52 + 2^51 rounds to the nearest integer for |x| < 2^51. */
    private static final double ROUNDING_MAGIC = 0x1.8p52;
    private static final double ENCODABLE_LIMIT = 0x1p51;
    /** Marks an exception in the scratch array; no encodable value reaches it (|n| < 2^51). */
    private static final long EXCEPTION = Long.MIN_VALUE;
    /** An exception's bits in a sample estimate: its value plus a typical position. */
    private static final long EXCEPTION_SAMPLE_COST = Long.SIZE + 16;
    /** Exponent, factor, layout flag. */
    private static final int FIXED_HEADER_BITS = 5 + 5 + 1;
    private static final int WIDTH_BITS = 6;
    private static final double[] POWER_OF_TEN = new double[MAX_EXPONENT + 1];
    private static final double[] INVERSE_POWER_OF_TEN = new double[MAX_EXPONENT + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_EXPONENT; i++) {
            POWER_OF_TEN[i] = power; // exact: 10^i = 2^i * 5^i and 5^18 < 2^53
            INVERSE_POWER_OF_TEN[i] = 1 / power;
            power *= 10;
        }
    }

    /** The integers of the block last planned, {@link #EXCEPTION} where a value is an exception. */
    private long[] encoded = new long[0];
    private int sampleExceptions;

    /**
     * Picks exponent and factor on a sample of the block: exponents upwards with no factor until
     * one encodes the whole sample (a larger one only adds a decimal digit to every integer), then
     * factors for the best exponent. At most 2 × 19 pairs on 32 values.
     */
    AlpExponentChoice choose(double[] values, int count) {
        if (count == 0) {
            return new AlpExponentChoice(0, 0, false);
        }
        int sampleSize = Math.min(SAMPLE_SIZE, count);
        int bestExponent = 0;
        long bestCost = Long.MAX_VALUE;
        int bestExceptions = 0;
        for (int exponent = 0; exponent <= MAX_EXPONENT; exponent++) {
            long cost = sampleCost(values, count, sampleSize, exponent, 0);
            if (cost < bestCost) {
                bestCost = cost;
                bestExponent = exponent;
                bestExceptions = sampleExceptions;
            }
            if (sampleExceptions == 0) {
                break;
            }
        }
        int bestFactor = 0;
        for (int factor = 1; factor <= bestExponent; factor++) {
            long cost = sampleCost(values, count, sampleSize, bestExponent, factor);
            if (cost < bestCost) {
                bestCost = cost;
                bestFactor = factor;
                bestExceptions = sampleExceptions;
            }
        }
        return new AlpExponentChoice(bestExponent, bestFactor, bestExceptions * 2 > sampleSize);
    }

    /**
     * Encodes the block under {@code choice} into scratch and returns the plan with its exact
     * size, or {@code null} as soon as it is sure to exceed {@code bitBudget} (a caller that
     * already has a smaller encoding does not pay for the whole block). A plan must be followed
     * by {@link #encode} before the next call.
     */
    AlpPlan plan(double[] values, int count, AlpExponentChoice choice, long bitBudget) {
        if (count == 0) {
            return new AlpPlan(0, 0, false, 0, 0, 0);
        }
        if (encoded.length < count) {
            encoded = new long[count];
        }
        AlpPlan plan = measure(values, count, choice.exponent(), choice.factor(), bitBudget);
        return plan == null || plan.payloadBits() > bitBudget ? null : plan;
    }

    /** Writes the block {@code plan} was made for; must directly follow {@link #plan}, same arguments. */
    void encode(double[] values, int count, AlpPlan plan, BitWriter out) {
        if (count == 0) {
            return;
        }
        out.writeBits(plan.exponent(), 5);
        out.writeBits(plan.factor(), 5);
        out.writeBit(plan.deltas());
        if (plan.deltas()) {
            out.writeBits(plan.base(), 64);
        }
        out.writeVarLong(plan.exceptionCount());
        if (plan.deltas()) {
            long previous = plan.base();
            for (int start = 1; start < count; start += VECTOR) {
                int end = Math.min(count, start + VECTOR);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                long walk = previous;
                for (int i = start; i < end; i++) {
                    long current = encoded[i] == EXCEPTION ? walk : encoded[i];
                    min = Math.min(min, current - walk);
                    max = Math.max(max, current - walk);
                    walk = current;
                }
                int width = writeVectorHeader(min, max, out);
                for (int i = start; i < end; i++) {
                    long current = encoded[i] == EXCEPTION ? previous : encoded[i];
                    out.writeBits(current - previous - min, width);
                    previous = current;
                }
            }
        } else {
            for (int start = 0; start < count; start += VECTOR) {
                int end = Math.min(count, start + VECTOR);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = start; i < end; i++) {
                    long n = encoded[i];
                    if (n != EXCEPTION) {
                        min = Math.min(min, n);
                        max = Math.max(max, n);
                    }
                }
                if (min > max) {
                    min = 0;
                    max = 0;
                }
                int width = writeVectorHeader(min, max, out);
                for (int i = start; i < end; i++) {
                    long n = encoded[i];
                    out.writeBits(n == EXCEPTION ? 0 : n - min, width);
                }
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
            for (int start = 1; start < count; start += VECTOR) {
                int end = Math.min(count, start + VECTOR);
                long reference = ZigZag.decode(in.readVarLong());
                int width = (int) in.readBits(WIDTH_BITS);
                for (int i = start; i < end; i++) {
                    n += reference + in.readBits(width);
                    out[i] = (double) n * factorScale / exponentScale;
                }
            }
        } else {
            for (int start = 0; start < count; start += VECTOR) {
                int end = Math.min(count, start + VECTOR);
                long reference = ZigZag.decode(in.readVarLong());
                int width = (int) in.readBits(WIDTH_BITS);
                for (int i = start; i < end; i++) {
                    out[i] = (double) (reference + in.readBits(width)) * factorScale / exponentScale;
                }
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

    /** Sample bits under (exponent, factor); leaves the sample's exception count in {@link #sampleExceptions}. */
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
        sampleExceptions = exceptions;
        int width = exceptions == sampleSize ? 0 : bitWidth(min, max);
        return (long) sampleSize * width + (long) exceptions * EXCEPTION_SAMPLE_COST;
    }

    /**
     * Encodes the whole block under (exponent, factor) into {@link #encoded} and sizes both
     * layouts exactly. In the delta layout an exception repeats its predecessor's integer (a zero
     * delta); in the plain one it takes its vector's minimum (a zero offset).
     */
    private AlpPlan measure(double[] values, int count, int exponent, int factor, long bitBudget) {
        double up = POWER_OF_TEN[exponent] * INVERSE_POWER_OF_TEN[factor];
        double factorScale = POWER_OF_TEN[factor];
        double exponentScale = POWER_OF_TEN[exponent];
        long[] target = encoded;
        int exceptions = 0;
        long first = EXCEPTION;
        long bitsPerException = positionWidth(count) + Long.SIZE;
        for (int i = 0; i < count; i++) {
            long n = encodeOne(values[i], up, factorScale, exponentScale);
            target[i] = n;
            if (n == EXCEPTION) {
                exceptions++;
            } else if (first == EXCEPTION) {
                first = n;
            }
            if ((i & 63) == 63 && exceptions * bitsPerException > bitBudget) {
                return null;
            }
        }
        long base = first == EXCEPTION ? 0 : first;

        long plainBits = 0;
        for (int start = 0; start < count; start += VECTOR) {
            int end = Math.min(count, start + VECTOR);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = start; i < end; i++) {
                long n = target[i];
                if (n != EXCEPTION) {
                    min = Math.min(min, n);
                    max = Math.max(max, n);
                }
            }
            if (min > max) {
                min = 0;
                max = 0;
            }
            plainBits += vectorBits(min, max, end - start);
        }

        long deltaBits = Long.SIZE;
        long previous = base;
        for (int start = 1; start < count; start += VECTOR) {
            int end = Math.min(count, start + VECTOR);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = start; i < end; i++) {
                long current = target[i] == EXCEPTION ? previous : target[i];
                min = Math.min(min, current - previous);
                max = Math.max(max, current - previous);
                previous = current;
            }
            deltaBits += vectorBits(min, max, end - start);
        }

        long commonBits = FIXED_HEADER_BITS + varLongBits(exceptions) + exceptions * bitsPerException;
        boolean deltas = deltaBits < plainBits;
        return new AlpPlan(exponent, factor, deltas, base, exceptions,
                commonBits + (deltas ? deltaBits : plainBits));
    }

    private static int writeVectorHeader(long min, long max, BitWriter out) {
        int width = bitWidth(min, max);
        out.writeVarLong(ZigZag.encode(min));
        out.writeBits(width, WIDTH_BITS);
        return width;
    }

    private static long vectorBits(long min, long max, int values) {
        return varLongBits(ZigZag.encode(min)) + WIDTH_BITS + (long) values * bitWidth(min, max);
    }

    private static int bitWidth(long min, long max) {
        return Long.SIZE - Long.numberOfLeadingZeros(max - min);
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
