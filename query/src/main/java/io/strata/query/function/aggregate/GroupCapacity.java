package io.strata.query.function.aggregate;

/** Growth of the per-group arrays: doubling, so adding groups one at a time stays amortised O(1). */
public final class GroupCapacity {
    private GroupCapacity() {}

    /** The array length to use so that {@code needed} groups fit, given the current length. */
    public static int grown(int currentLength, int needed) {
        if (needed < 0) {
            throw new IllegalArgumentException("group count must be >= 0: " + needed);
        }
        if (needed <= currentLength) {
            return currentLength;
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) needed, Math.max(16L, currentLength * 2L)));
    }
}
