package io.strata.core.write;

/**
 * A dimension exactly as a client sent it; any field may be null.
 *
 * @param dimensionValueType Timestream's {@code DimensionValueType}; only {@code VARCHAR} exists
 */
public record DimensionInput(String name, String value, String dimensionValueType) {
    public static DimensionInput of(String name, String value) {
        return new DimensionInput(name, value, null);
    }
}
