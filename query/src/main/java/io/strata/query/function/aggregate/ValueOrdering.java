package io.strata.query.function.aggregate;

/**
 * How SQL orders values for min, max, max_by and friends. VARCHAR compares by Unicode code point
 * (what byte-wise UTF-8 order gives, as Trino does), not by Java's UTF-16 code units, which put
 * U+E000..U+FFFF after supplementary characters. DOUBLE follows {@link Double#compare}: NaN above
 * every number (as Trino's min/max do since 2021) and -0.0 below 0.0.
 */
public final class ValueOrdering {
    private ValueOrdering() {}

    public static int compareDoubles(double left, double right) {
        return Double.compare(left, right);
    }

    public static int compareVarchars(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                return codePointRank(a) - codePointRank(b);
            }
        }
        return left.length() - right.length();
    }

    /** Moves surrogates above U+E000..U+FFFF so UTF-16 comparison agrees with code point order. */
    private static int codePointRank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }
}
