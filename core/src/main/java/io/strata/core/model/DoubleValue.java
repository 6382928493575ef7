package io.strata.core.model;

import io.strata.core.error.ValidationException;

/** A DOUBLE measure value; always finite (Timestream cannot store NaN or Infinity). */
public record DoubleValue(double value) implements MeasureValue {
    public DoubleValue {
        if (!Double.isFinite(value)) {
            throw new ValidationException(invalid(Double.toString(value)));
        }
    }

    public static DoubleValue parse(String text) {
        if (!isDecimalNotation(text)) {
            throw new ValidationException(invalid(text));
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new ValidationException(invalid(text));
        }
        return new DoubleValue(value);
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.DOUBLE;
    }

    @Override
    public int sizeInBytes() {
        return Double.BYTES;
    }

    @Override
    public String text() {
        return Double.toString(value);
    }

    private static String invalid(String text) {
        return "Measure value '" + text + "' is not a valid DOUBLE: only finite decimal numbers such as 1.5 or -2e3 "
                + "can be written (NaN and Infinity cannot).";
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, ASCII only. */
    private static boolean isDecimalNotation(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
