package io.strata.core.model;

import io.strata.core.error.ValidationException;

/** A BIGINT measure value: a signed 64-bit integer. */
public record BigintValue(long value) implements MeasureValue {
    public static BigintValue parse(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == text.length()) {
            throw new ValidationException(invalid(text));
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            // Long.parseLong also reads non-ASCII digits (e.g. Arabic-Indic); Timestream's text is ASCII.
            if (c < '0' || c > '9') {
                throw new ValidationException(invalid(text));
            }
        }
        try {
            return new BigintValue(Long.parseLong(text));
        } catch (NumberFormatException outOfRange) {
            throw new ValidationException(invalid(text));
        }
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.BIGINT;
    }

    @Override
    public int sizeInBytes() {
        return Long.BYTES;
    }

    @Override
    public String text() {
        return Long.toString(value);
    }

    private static String invalid(String text) {
        return "Measure value '" + text + "' is not a valid BIGINT: expected a whole number between "
                + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ".";
    }
}
