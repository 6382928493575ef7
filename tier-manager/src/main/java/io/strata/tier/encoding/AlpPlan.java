package io.strata.tier.encoding;

/**
 * How {@link AlpDoubleCodec} will encode one block, found by measuring the block: every value
 * {@code v} becomes {@code n = round(v * 10^exponent / 10^factor)}, stored as an offset from
 * {@code reference} in {@code bitWidth} bits, or, with {@code deltas}, the first {@code n} whole
 * ({@code base}) and each next {@code n} as its delta's offset from {@code reference}.
 * {@code exceptionCount} values that do not come back bit-for-bit are stored whole.
 * {@code payloadBits} is the exact size of the payload this plan writes, so a chooser can compare
 * it with another codec's without writing it.
 */
record AlpPlan(int exponent, int factor, boolean deltas, long reference, long base, int bitWidth,
        int exceptionCount, long payloadBits) {
    AlpPlan {
        if (exponent < 0 || exponent > AlpDoubleCodec.MAX_EXPONENT || factor < 0 || factor > exponent) {
            throw new IllegalArgumentException("exponent " + exponent + ", factor " + factor);
        }
        if (bitWidth < 0 || bitWidth > Long.SIZE || exceptionCount < 0 || payloadBits < 0) {
            throw new IllegalArgumentException("bitWidth " + bitWidth + ", exceptions " + exceptionCount);
        }
    }
}
