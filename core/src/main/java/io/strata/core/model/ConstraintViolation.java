package io.strata.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One request-level constraint failure, phrased as Timestream's front end (the Coral validator)
 * phrases it: {@code Value 'x' at 'records.1.member.dimensions.1.member.name' failed to satisfy
 * constraint: Member must have length less than or equal to 60}.
 *
 * @param renderedValue the offending value as printed: {@code 'x'} quoted, or {@code null}
 * @param path the member path, 1-based list indexes as Coral prints them
 * @param constraint the constraint sentence, starting with {@code Member must}
 */
public record ConstraintViolation(String renderedValue, String path, String constraint) {
    public ConstraintViolation {
        Objects.requireNonNull(renderedValue, "renderedValue");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(constraint, "constraint");
    }

    public String message() {
        return "Value " + renderedValue + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    public static ConstraintViolation notNull(String path) {
        return new ConstraintViolation("null", path, "Member must not be null");
    }

    public static ConstraintViolation minLength(Object value, String path, long minimum) {
        return new ConstraintViolation(render(value), path, "Member must have length greater than or equal to " + minimum);
    }

    public static ConstraintViolation maxLength(Object value, String path, long maximum) {
        return new ConstraintViolation(render(value), path, "Member must have length less than or equal to " + maximum);
    }

    public static ConstraintViolation minValue(Object value, String path, long minimum) {
        return new ConstraintViolation(render(value), path, "Member must have value greater than or equal to " + minimum);
    }

    public static ConstraintViolation maxValue(Object value, String path, long maximum) {
        return new ConstraintViolation(render(value), path, "Member must have value less than or equal to " + maximum);
    }

    public static ConstraintViolation pattern(Object value, String path, String regularExpression) {
        return new ConstraintViolation(render(value), path,
                "Member must satisfy regular expression pattern: " + regularExpression);
    }

    public static ConstraintViolation enumValue(Object value, String path, List<String> allowed) {
        return new ConstraintViolation(render(value), path,
                "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }

    /**
     * A violation Coral does not phrase (a rule of the service, not of the model), still located
     * at its member.
     */
    public static ConstraintViolation rule(Object value, String path, String constraint) {
        return new ConstraintViolation(render(value), path, constraint);
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        // Coral prints a list's elements; a whole request record is unreadable in a message, so
        // Strata prints how many there were.
        if (value instanceof List<?> list) {
            return "'[" + list.size() + " items]'";
        }
        return "'" + value + "'";
    }
}
