package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.Objects;

/** A VARCHAR measure value: at most 2048 UTF-8 bytes. */
public record VarcharValue(String value) implements MeasureValue {
    public static final int MAXIMUM_BYTES = 2048;

    public VarcharValue {
        Objects.requireNonNull(value, "value");
        int bytes = Utf8.encodedLength(value);
        if (bytes > MAXIMUM_BYTES) {
            throw new ValidationException("Measure value is " + bytes + " bytes long; a VARCHAR value can be at most "
                    + MAXIMUM_BYTES + " bytes.");
        }
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.VARCHAR;
    }

    @Override
    public int sizeInBytes() {
        return Utf8.encodedLength(value);
    }

    @Override
    public String text() {
        return value;
    }
}
