package io.strata.tier.encoding;

/**
 * The decimal exponent and factor a sample of a block chose for {@link AlpDoubleCodec}, and
 * whether most of the sample could not be encoded that way (full-precision values), in which case
 * the XOR codec is the likely winner and is worth measuring first.
 */
record AlpExponentChoice(int exponent, int factor, boolean mostlyExceptions) {
    AlpExponentChoice {
        if (exponent < 0 || exponent > AlpDoubleCodec.MAX_EXPONENT || factor < 0 || factor > exponent) {
            throw new IllegalArgumentException("exponent " + exponent + ", factor " + factor);
        }
    }
}
