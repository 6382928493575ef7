package io.strata.core.model;

/**
 * The name of a single measure, or of a multi-measure record: 1–256 UTF-8 bytes. It is a value
 * of the {@code measure_name} column, not a column name, so the reserved names do not apply.
 */
public record MeasureName(String value) implements Comparable<MeasureName> {
    public static final int MAXIMUM_BYTES = 256;

    public MeasureName {
        ConstraintViolations violations = new ConstraintViolations();
        if (violations.requirePresent(value, "measureName")) {
            violations.byteLength(value, "measureName", 1, MAXIMUM_BYTES);
        }
        violations.throwIfAny();
    }

    public static MeasureName of(String value) {
        return new MeasureName(value);
    }

    public int sizeInBytes() {
        return Utf8.encodedLength(value);
    }

    @Override
    public int compareTo(MeasureName other) {
        return Utf8.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
