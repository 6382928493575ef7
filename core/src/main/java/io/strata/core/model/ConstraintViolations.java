package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects request-level violations and reports them all in one {@link ValidationException}, the
 * way Timestream does: {@code 2 validation errors detected: Value ... ; Value ...}. Not thread-safe:
 * one collector per validation.
 */
public final class ConstraintViolations {
    private final List<ConstraintViolation> violations = new ArrayList<>();

    public void add(ConstraintViolation violation) {
        violations.add(violation);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<ConstraintViolation> list() {
        return List.copyOf(violations);
    }

    /** Records a violation if {@code value} is null; answers whether it was present. */
    public boolean requirePresent(Object value, String path) {
        if (value == null) {
            add(ConstraintViolation.notNull(path));
            return false;
        }
        return true;
    }

    /** Checks a length in UTF-8 bytes (Timestream's unit for names). */
    public void byteLength(String value, String path, int minimum, int maximum) {
        int length = Utf8.encodedLength(value);
        if (length < minimum) {
            add(ConstraintViolation.minLength(value, path, minimum));
        } else if (length > maximum) {
            add(ConstraintViolation.maxLength(value, path, maximum));
        }
    }

    /** Checks a length in characters (Unicode code points), Coral's unit for free-text members. */
    public void characterLength(String value, String path, int minimum, int maximum) {
        int length = value.codePointCount(0, value.length());
        if (length < minimum) {
            add(ConstraintViolation.minLength(value, path, minimum));
        } else if (length > maximum) {
            add(ConstraintViolation.maxLength(value, path, maximum));
        }
    }

    public void range(long value, String path, long minimum, long maximum) {
        if (value < minimum) {
            add(ConstraintViolation.minValue(value, path, minimum));
        } else if (value > maximum) {
            add(ConstraintViolation.maxValue(value, path, maximum));
        }
    }

    public void pattern(String value, String path, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            add(ConstraintViolation.pattern(value, path, pattern.pattern()));
        }
    }

    public void size(List<?> list, String path, int minimum, int maximum) {
        if (list.size() < minimum) {
            add(ConstraintViolation.minLength(list, path, minimum));
        } else if (list.size() > maximum) {
            add(ConstraintViolation.maxLength(list, path, maximum));
        }
    }

    public void enumValue(String value, String path, List<String> allowed) {
        if (!allowed.contains(value)) {
            add(ConstraintViolation.enumValue(value, path, allowed));
        }
    }

    /** Throws the collected violations, if any, as one ValidationException. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw toException(violations);
        }
    }

    public static ValidationException toException(List<ConstraintViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        StringBuilder message = new StringBuilder()
                .append(violations.size())
                .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append(violations.get(i).message());
        }
        return new ValidationException(message.toString());
    }

    /** Throws {@code violation} alone as a ValidationException. */
    public static ValidationException toException(ConstraintViolation violation) {
        return toException(List.of(violation));
    }
}
