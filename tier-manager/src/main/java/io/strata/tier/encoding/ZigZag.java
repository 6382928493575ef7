package io.strata.tier.encoding;

/** Maps signed numbers to unsigned ones so that small magnitudes get few significant bits. */
final class ZigZag {
    private ZigZag() {
    }

    static long encode(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long decode(long encoded) {
        return (encoded >>> 1) ^ -(encoded & 1);
    }
}
