package io.strata.tier.memory;

import java.util.Arrays;

/**
 * Bit operations on the presence bitmaps of {@link ValueColumn}: bit {@code row % 64} of word
 * {@code row / 64} is set when the row has a value. A new column starts all-absent (all zeros),
 * which is why presence rather than nullness is stored.
 */
final class PresenceBits {
    private PresenceBits() {
    }

    static long[] ensureCapacity(long[] words, int bits) {
        int needed = (bits + 63) >>> 6;
        return needed <= words.length ? words : Arrays.copyOf(words, Math.max(needed, words.length * 2));
    }

    static boolean get(long[] words, int row) {
        int word = row >>> 6;
        return word < words.length && (words[word] & (1L << row)) != 0;
    }

    static void set(long[] words, int row, boolean present) {
        if (present) {
            words[row >>> 6] |= 1L << row;
        } else {
            words[row >>> 6] &= ~(1L << row);
        }
    }

    /** Shifts the bits at {@code index} and above up by one and leaves bit {@code index} clear. */
    static void insertClearBit(long[] words, int index) {
        int wordIndex = index >>> 6;
        for (int i = words.length - 1; i > wordIndex; i--) {
            words[i] = (words[i] << 1) | (words[i - 1] >>> 63);
        }
        long word = words[wordIndex];
        long belowMask = (1L << index) - 1;
        if ((index & 63) == 0) {
            belowMask = 0;
        }
        words[wordIndex] = (word & belowMask) | ((word & ~belowMask) << 1);
    }

    /** Removes bits {@code [from, to)} of the first {@code size} bits, shifting the rest down. */
    static void removeRange(long[] words, int size, int from, int to) {
        int removed = to - from;
        for (int row = from; row + removed < size; row++) {
            set(words, row, get(words, row + removed));
        }
        for (int row = Math.max(from, size - removed); row < size; row++) {
            set(words, row, false);
        }
    }
}
