package io.strata.core.model;

import java.util.Objects;

/**
 * A table name: {@code [a-zA-Z0-9_.-]+}, 3 to 256 bytes, case-sensitive (compared as UTF-8
 * bytes, which for this alphabet is plain string equality).
 */
public record TableName(String value) implements Comparable<TableName> {
    public TableName {
        ConstraintViolations violations = new ConstraintViolations();
        ResourceNames.check(value, "tableName", violations);
        violations.throwIfAny();
    }

    public static TableName of(String value) {
        return new TableName(value);
    }

    /** Collects the violations of {@code value} as the member at {@code path}, without throwing. */
    public static void check(String value, String path, ConstraintViolations violations) {
        ResourceNames.check(value, path, violations);
    }

    @Override
    public int compareTo(TableName other) {
        return value.compareTo(Objects.requireNonNull(other).value);
    }

    @Override
    public String toString() {
        return value;
    }
}
