package io.strata.core.model;

/**
 * UTF-8 sizes without encoding. Timestream's name limits and record size are counted in UTF-8
 * bytes, and validation runs for every written record, so it must not allocate a byte array.
 */
public final class Utf8 {
    private Utf8() {}

    /** The number of bytes {@code text} takes in UTF-8; an unpaired surrogate counts as 3 bytes. */
    public static int encodedLength(CharSequence text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * Orders two strings as their UTF-8 bytes compare, which is code point order. Timestream
     * compares names this way; {@link String#compareTo} differs for characters above U+E000.
     */
    public static int compare(String left, String right) {
        int leftLength = left.length();
        int rightLength = right.length();
        int i = 0;
        int j = 0;
        while (i < leftLength && j < rightLength) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < leftLength, j < rightLength);
    }
}
