package io.strata.query.parse;

import java.util.Arrays;

/**
 * Maps a char offset in the pre-lexer's output back to the user's text. The output is a sequence
 * of segments; a copied segment maps character by character, a rewritten one maps every character
 * to the start of the user's text it replaced (a duration, a cast, a parameter).
 */
final class PositionMap {
    private final int[] outputStarts;
    private final int[] sourceStarts;
    private final boolean[] copied;
    private final int segments;
    private final int sourceLength;
    private final int outputLength;

    private PositionMap(
            int[] outputStarts, int[] sourceStarts, boolean[] copied, int segments, int sourceLength, int outputLength) {
        this.outputStarts = outputStarts;
        this.sourceStarts = sourceStarts;
        this.copied = copied;
        this.segments = segments;
        this.sourceLength = sourceLength;
        this.outputLength = outputLength;
    }

    /** The offset in the user's text of the character at {@code outputOffset}. */
    int sourceOffset(int outputOffset) {
        if (outputOffset >= outputLength) {
            return sourceLength; // <EOF> is the end of the user's text too
        }
        int segment = segmentAt(outputOffset);
        if (segment < 0) {
            return outputOffset <= 0 ? 0 : sourceLength;
        }
        if (!copied[segment]) {
            return sourceStarts[segment];
        }
        return sourceStarts[segment] + (outputOffset - outputStarts[segment]);
    }

    /** Whether the character at {@code outputOffset} was written by a rewrite, not copied. */
    boolean rewritten(int outputOffset) {
        int segment = segmentAt(outputOffset);
        return segment >= 0 && !copied[segment];
    }

    /** The end (exclusive) of the output segment holding {@code outputOffset}, or {@code outputOffset}. */
    int segmentEnd(int outputOffset) {
        int segment = segmentAt(outputOffset);
        if (segment < 0) {
            return outputOffset;
        }
        return segment + 1 < segments ? outputStarts[segment + 1] : outputLength;
    }

    /** The index of the last segment starting at or before the offset, if the offset is inside one. */
    private int segmentAt(int outputOffset) {
        int found = Arrays.binarySearch(outputStarts, 0, segments, outputOffset);
        int segment = found >= 0 ? lastWithStart(found) : -found - 2;
        if (segment < 0) {
            return -1;
        }
        int end = segment + 1 < segments ? outputStarts[segment + 1] : outputLength;
        return outputOffset < end ? segment : -1;
    }

    /** Empty segments share a start with the next one: take the last, the one with characters. */
    private int lastWithStart(int index) {
        while (index + 1 < segments && outputStarts[index + 1] == outputStarts[index]) {
            index++;
        }
        return index;
    }

    static final class Builder {
        private int[] outputStarts = new int[16];
        private int[] sourceStarts = new int[16];
        private boolean[] copied = new boolean[16];
        private int segments;

        void add(int outputStart, int sourceStart, boolean copiedSegment) {
            if (segments == outputStarts.length) {
                outputStarts = Arrays.copyOf(outputStarts, segments * 2);
                sourceStarts = Arrays.copyOf(sourceStarts, segments * 2);
                copied = Arrays.copyOf(copied, segments * 2);
            }
            outputStarts[segments] = outputStart;
            sourceStarts[segments] = sourceStart;
            copied[segments] = copiedSegment;
            segments++;
        }

        PositionMap build(int sourceLength, int outputLength) {
            return new PositionMap(outputStarts, sourceStarts, copied, segments, sourceLength, outputLength);
        }
    }
}
