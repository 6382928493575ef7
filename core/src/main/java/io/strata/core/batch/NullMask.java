package io.strata.core.batch;

import java.util.Arrays;

/**
 * Which rows of a vector are null: one bit per row, set when the row is null. {@link #NONE} is
 * shared by every vector without nulls, so the common case costs nothing. Immutable.
 */
public final class NullMask {
    public static final NullMask NONE = new NullMask(new long[0]);

    private final long[] words;

    private NullMask(long[] words) {
        this.words = words;
    }

    /** Wraps {@code words} (bit {@code row % 64} of word {@code row / 64}); the caller gives up the array. */
    static NullMask wrap(long[] words) {
        return words.length == 0 ? NONE : new NullMask(words);
    }

    public boolean isNull(int row) {
        int word = row >>> 6;
        return word < words.length && (words[word] & (1L << row)) != 0;
    }

    public boolean hasNulls() {
        for (long word : words) {
            if (word != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NullMask that && Arrays.equals(trimmed(words), trimmed(that.words));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trimmed(words));
    }

    private static long[] trimmed(long[] words) {
        int length = words.length;
        while (length > 0 && words[length - 1] == 0) {
            length--;
        }
        return length == words.length ? words : Arrays.copyOf(words, length);
    }

    /**
     * Collects null bits while a vector is built; reused across batches. Not thread-safe.
     */
    static final class Builder {
        private long[] words = new long[1];
        private boolean anyNull;

        void setNull(int row) {
            int word = row >>> 6;
            if (word >= words.length) {
                words = Arrays.copyOf(words, Math.max(words.length * 2, word + 1));
            }
            words[word] |= 1L << row;
            anyNull = true;
        }

        NullMask build(int size) {
            return anyNull ? wrap(Arrays.copyOf(words, (size + 63) >>> 6)) : NONE;
        }

        void reset() {
            if (anyNull) {
                Arrays.fill(words, 0L);
                anyNull = false;
            }
        }
    }
}
