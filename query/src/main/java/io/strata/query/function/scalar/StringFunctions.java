package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timestream's (Trino's) string functions. Positions and lengths count Unicode code points, not
 * UTF-16 units, and are 1-based, as in Trino. Arguments are non-null (the engine answers NULL for
 * a NULL argument without calling). Pure and thread-safe.
 */
public final class StringFunctions {
    private StringFunctions() {}

    public static long length(String value) {
        return value.codePointCount(0, value.length());
    }

    public static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    public static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    /** Removes leading and trailing whitespace (Unicode white space, like Trino). */
    public static String trim(String value) {
        return value.strip();
    }

    public static String ltrim(String value) {
        return value.stripLeading();
    }

    public static String rtrim(String value) {
        return value.stripTrailing();
    }

    /** {@code substr(s, start)}: from code point {@code start} (negative counts from the end) to the end. */
    public static String substr(String value, long start) {
        return substr(value, start, Long.MAX_VALUE);
    }

    /** {@code substr(s, start, length)}; start 0 or beyond the end gives ''. */
    public static String substr(String value, long start, long length) {
        long codePoints = length(value);
        if (start == 0 || length <= 0 || Math.abs(start) > codePoints) {
            return "";
        }
        long first = start > 0 ? start - 1 : codePoints + start;
        long end = Math.min(codePoints, first + Math.min(length, codePoints));
        int from = value.offsetByCodePoints(0, (int) first);
        int to = value.offsetByCodePoints(from, (int) (end - first));
        return value.substring(from, to);
    }

    /** {@code concat(a, b, ...)} and {@code a || b}: NULL if any argument is NULL. */
    public static String concat(String... values) {
        int length = 0;
        for (String value : values) {
            if (value == null) {
                return null;
            }
            length += value.length();
        }
        StringBuilder result = new StringBuilder(length);
        for (String value : values) {
            result.append(value);
        }
        return result.toString();
    }

    public static String replace(String value, String search) {
        return replace(value, search, "");
    }

    /** Replaces every occurrence; an empty search inserts the replacement between code points, as Trino. */
    public static String replace(String value, String search, String replacement) {
        if (search.isEmpty()) {
            StringBuilder result = new StringBuilder(replacement);
            value.codePoints().forEach(codePoint -> result.appendCodePoint(codePoint).append(replacement));
            return result.toString();
        }
        return value.replace(search, replacement);
    }

    /** Reverses code points, so surrogate pairs survive. */
    public static String reverse(String value) {
        return new StringBuilder(value).reverse().toString();
    }

    /** {@code strpos(s, sub)}: the 1-based code point position of the first occurrence, 0 if none. */
    public static long strpos(String value, String search) {
        return strpos(value, search, 1);
    }

    /** {@code strpos(s, sub, n)}: the position of the n-th occurrence. */
    public static long strpos(String value, String search, long instance) {
        if (instance <= 0) {
            throw new QueryExecutionException("'instance' must be a positive number");
        }
        if (search.isEmpty()) {
            return 1;
        }
        int index = -1;
        for (long found = 0; found < instance; found++) {
            index = value.indexOf(search, index + 1);
            if (index < 0) {
                return 0;
            }
        }
        return value.codePointCount(0, index) + 1;
    }

    /** {@code strrpos(s, sub[, n])}: the n-th occurrence counted from the end. */
    public static long strrpos(String value, String search, long instance) {
        if (instance <= 0) {
            throw new QueryExecutionException("'instance' must be a positive number");
        }
        if (search.isEmpty()) {
            return 1;
        }
        int index = value.length();
        for (long found = 0; found < instance; found++) {
            index = value.lastIndexOf(search, index - 1);
            if (index < 0) {
                return 0;
            }
        }
        return value.codePointCount(0, index) + 1;
    }

    /** {@code position(sub IN s)} = {@code strpos(s, sub)}. */
    public static long position(String search, String value) {
        return strpos(value, search);
    }

    public static boolean startsWith(String value, String prefix) {
        return value.startsWith(prefix);
    }

    public static List<String> split(String value, String delimiter) {
        return split(value, delimiter, Long.MAX_VALUE);
    }

    /** Splits on a literal delimiter into at most {@code limit} parts (the last holds the rest). */
    public static List<String> split(String value, String delimiter, long limit) {
        if (limit <= 0) {
            throw new QueryExecutionException("Limit must be positive");
        }
        if (delimiter.isEmpty()) {
            throw new QueryExecutionException("The delimiter may not be the empty string");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (parts.size() < limit - 1) {
            int index = value.indexOf(delimiter, start);
            if (index < 0) {
                break;
            }
            parts.add(value.substring(start, index));
            start = index + delimiter.length();
        }
        parts.add(value.substring(start));
        return parts;
    }

    /** {@code split_part(s, delimiter, index)}: the 1-based field, NULL past the last one. */
    public static String splitPart(String value, String delimiter, long index) {
        if (index <= 0) {
            throw new QueryExecutionException("Index must be greater than zero");
        }
        List<String> parts = delimiter.isEmpty() ? List.of(value) : split(value, delimiter);
        return index > parts.size() ? null : parts.get((int) (index - 1));
    }

    public static String lpad(String value, long size, String padding) {
        return pad(value, size, padding, true);
    }

    public static String rpad(String value, long size, String padding) {
        return pad(value, size, padding, false);
    }

    private static String pad(String value, long size, String padding, boolean left) {
        if (size < 0 || size > 1 << 20) {
            throw new QueryExecutionException("Target length must be in the range [0.." + (1 << 20) + "]");
        }
        long length = length(value);
        if (length >= size) {
            return substr(value, 1, size);
        }
        if (padding.isEmpty()) {
            throw new QueryExecutionException("Padding string must not be empty");
        }
        StringBuilder fill = new StringBuilder();
        int[] codePoints = padding.codePoints().toArray();
        for (long i = 0; i < size - length; i++) {
            fill.appendCodePoint(codePoints[(int) (i % codePoints.length)]);
        }
        return left ? fill + value : value + fill;
    }

    /** The character of a code point. */
    public static String chr(long codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new QueryExecutionException("Not a valid Unicode code point: " + codePoint);
        }
        return Character.toString((int) codePoint);
    }

    /** The code point of a single-character string. */
    public static long codepoint(String value) {
        if (value.codePointCount(0, value.length()) != 1) {
            throw new QueryExecutionException("Input string must be a single character string");
        }
        return value.codePointAt(0);
    }

    /** Edits (insert, delete, substitute one code point) to turn one string into the other. */
    public static long levenshteinDistance(String first, String second) {
        int[] a = first.codePoints().toArray();
        int[] b = second.codePoints().toArray();
        if ((long) a.length * b.length > 1_000_000L) {
            throw new QueryExecutionException("The combined inputs for Levenshtein distance are too large");
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** Positions where two equal-length strings differ. */
    public static long hammingDistance(String first, String second) {
        int[] a = first.codePoints().toArray();
        int[] b = second.codePoints().toArray();
        if (a.length != b.length) {
            throw new QueryExecutionException("The input strings to hamming_distance function must have the same length");
        }
        long distance = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                distance++;
            }
        }
        return distance;
    }
}
