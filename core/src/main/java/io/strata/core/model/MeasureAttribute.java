package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.Objects;

/**
 * One named value of a multi-measure record. The name becomes a column of the table, so it obeys
 * the {@linkplain ReservedNames column rules} and is 1–256 UTF-8 bytes.
 */
public record MeasureAttribute(String name, MeasureValue value) implements Comparable<MeasureAttribute> {
    public static final int MAXIMUM_NAME_BYTES = 256;

    public MeasureAttribute {
        ConstraintViolations violations = new ConstraintViolations();
        if (violations.requirePresent(name, "measureValues.member.name")) {
            violations.byteLength(name, "measureValues.member.name", 1, MAXIMUM_NAME_BYTES);
        }
        violations.throwIfAny();
        Objects.requireNonNull(value, "value");
        if (ReservedNames.isReserved(name)) {
            throw new ValidationException(ReservedNames.reason("Measure", name));
        }
    }

    public static MeasureAttribute of(String name, MeasureValue value) {
        return new MeasureAttribute(name, value);
    }

    /** Bytes this attribute adds to a record's size: UTF-8 name plus the value's size. */
    public int sizeInBytes() {
        return Utf8.encodedLength(name) + value.sizeInBytes();
    }

    @Override
    public int compareTo(MeasureAttribute other) {
        return Utf8.compare(name, other.name);
    }
}
