package io.strata.core.write;

/** One entry of a record's {@code MeasureValues} exactly as a client sent it; any field may be null. */
public record MeasureValueInput(String name, String value, String type) {
    public static MeasureValueInput of(String name, String value, String type) {
        return new MeasureValueInput(name, value, type);
    }
}
