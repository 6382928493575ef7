package io.strata.core.model;

import io.strata.core.error.ValidationException;

/** A BOOLEAN measure value. */
public record BooleanValue(boolean value) implements MeasureValue {
    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    /** Reads {@code true}/{@code false} in any letter case; see {@link MeasureValue}. */
    public static BooleanValue parse(String text) {
        if (text.equalsIgnoreCase("true")) {
            return TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return FALSE;
        }
        throw new ValidationException("Measure value '" + text + "' is not a valid BOOLEAN: expected true or false.");
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.BOOLEAN;
    }

    @Override
    public int sizeInBytes() {
        return 1;
    }

    @Override
    public String text() {
        return Boolean.toString(value);
    }
}
