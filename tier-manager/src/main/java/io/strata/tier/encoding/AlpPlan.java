package io.strata.tier.encoding;

/**
 * How {@link AlpDoubleCodec} will encode one block, found by measuring the block: every value
 * {@code v} becomes {@code n = round(v * 10^exponent / 10^factor)}, stored bit-packed per vector,
 * or, with {@code deltas}, the first {@code n} whole ({@code base}) and then each {@code n}'s
 * delta from its predecessor. {@code exceptionCount} values that do not come back bit-for-bit are
 * stored whole. {@code payloadBits} is the exact size of the payload this plan writes, so a
 * chooser can compare it with another codec's without writing it.
 */
record AlpPlan(int exponent, int factor, boolean deltas, long base, int exceptionCount, long payloadBits) {
    AlpPlan {
        if (exponent < 0 || exponent > AlpDoubleCodec.MAX_EXPONENT || factor < 0 || factor > exponent) {
            throw new IllegalArgumentException("exponent " + exponent + ", factor " + factor);
        }
        if (exceptionCount < 0 || payloadBits < 0) {
            throw new IllegalArgumentException("exceptions " + exceptionCount + ", bits " + payloadBits);
        }
    }
}
