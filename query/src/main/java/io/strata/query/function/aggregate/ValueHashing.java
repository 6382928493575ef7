package io.strata.query.function.aggregate;

/**
 * 64-bit hashes of SQL values for the HyperLogLog sketch: well mixed in every bit (the sketch reads
 * the top bits as a register index and the rest as a geometric draw) and identical on every node,
 * so sketches from different shards merge. Allocation-free.
 */
final class ValueHashing {
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private ValueHashing() {}

    /** MurmurHash3's 64-bit finaliser: a bijection that avalanches every input bit. */
    static long mix(long value) {
        value ^= value >>> 33;
        value *= 0xFF51AFD7ED558CCDL;
        value ^= value >>> 33;
        value *= 0xC4CEB9FE1A85EC53L;
        value ^= value >>> 33;
        return value;
    }

    static long hashLong(long value) {
        return mix(value + SEED);
    }

    /** -0.0 and 0.0 are equal in SQL and hash alike; every NaN hashes alike. */
    static long hashDouble(double value) {
        long bits = value == 0.0 ? 0L : Double.doubleToLongBits(value);
        return mix(bits ^ 0x5DEECE66DL);
    }

    static long hashBoolean(boolean value) {
        return mix(value ? 0x7A3D1F0BL : 0x1B873593L);
    }

    /** Folds the UTF-16 code units four at a time; the length is mixed in so "a\0" and "a" differ. */
    static long hashString(String value) {
        long hash = SEED ^ value.length();
        int length = value.length();
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long block = value.charAt(i) | (long) value.charAt(i + 1) << 16
                    | (long) value.charAt(i + 2) << 32 | (long) value.charAt(i + 3) << 48;
            hash = Long.rotateLeft(hash ^ mix(block), 27) * 5 + 0x52DCE729;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 16) {
            tail |= (long) value.charAt(i) << shift;
        }
        return mix(hash ^ mix(tail ^ 0x38495AB5L));
    }
}
