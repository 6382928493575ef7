package io.strata.core.model;

import io.strata.core.error.ValidationException;

/**
 * A dimension of a record: a name (1–60 UTF-8 bytes, not a {@linkplain ReservedNames reserved
 * name}) and a non-empty VARCHAR value. Dimensions order by name in UTF-8 byte order.
 */
public record Dimension(String name, String value) implements Comparable<Dimension> {
    public static final int MAXIMUM_NAME_BYTES = 60;

    public Dimension {
        ConstraintViolations violations = new ConstraintViolations();
        if (violations.requirePresent(name, "dimension.name")) {
            violations.byteLength(name, "dimension.name", 1, MAXIMUM_NAME_BYTES);
        }
        if (violations.requirePresent(value, "dimension.value")) {
            violations.characterLength(value, "dimension.value", 1, Integer.MAX_VALUE);
        }
        violations.throwIfAny();
        if (ReservedNames.isReserved(name)) {
            throw new ValidationException(ReservedNames.reason("Dimension", name));
        }
    }

    public static Dimension of(String name, String value) {
        return new Dimension(name, value);
    }

    /** Bytes this dimension adds to a record's size: UTF-8 name plus UTF-8 value. */
    public int sizeInBytes() {
        return Utf8.encodedLength(name) + Utf8.encodedLength(value);
    }

    @Override
    public int compareTo(Dimension other) {
        return Utf8.compare(name, other.name);
    }
}
