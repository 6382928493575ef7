package io.strata.core.model;

import java.util.regex.Pattern;

/** The shared rule of database and table names: {@code [a-zA-Z0-9_.-]+}, 3 to 256 bytes. */
final class ResourceNames {
    static final Pattern PATTERN = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final int MINIMUM_LENGTH = 3;
    static final int MAXIMUM_LENGTH = 256;

    private ResourceNames() {}

    static void check(String value, String path, ConstraintViolations violations) {
        if (!violations.requirePresent(value, path)) {
            return;
        }
        violations.byteLength(value, path, MINIMUM_LENGTH, MAXIMUM_LENGTH);
        violations.pattern(value, path, PATTERN);
    }
}
