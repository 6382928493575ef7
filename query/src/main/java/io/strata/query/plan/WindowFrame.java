package io.strata.query.plan;

/**
 * A window frame: ROWS or RANGE between two bounds. Offsets count rows (ROWS) or peer groups are
 * used (RANGE with UNBOUNDED/CURRENT ROW bounds only). The default, {@code RANGE UNBOUNDED
 * PRECEDING}, ends at the current row's last peer.
 */
public record WindowFrame(boolean rows, Bound start, long startOffset, Bound end, long endOffset) {
    public enum Bound { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public static final WindowFrame DEFAULT = new WindowFrame(false, Bound.UNBOUNDED_PRECEDING, 0, Bound.CURRENT_ROW, 0);
    public static final WindowFrame WHOLE_PARTITION =
            new WindowFrame(true, Bound.UNBOUNDED_PRECEDING, 0, Bound.UNBOUNDED_FOLLOWING, 0);
}
