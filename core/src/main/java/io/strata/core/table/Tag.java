package io.strata.core.table;

import io.strata.core.model.ConstraintViolations;

/** A resource tag: key 1–128 characters, value 0–256 characters. */
public record Tag(String key, String value) {
    public static final int MAXIMUM_KEY_LENGTH = 128;
    public static final int MAXIMUM_VALUE_LENGTH = 256;

    public Tag {
        ConstraintViolations violations = new ConstraintViolations();
        check(key, value, "tag", violations);
        violations.throwIfAny();
    }

    /** Collects the violations of a tag at {@code path} (e.g. {@code tags.1.member}). */
    static void check(String key, String value, String path, ConstraintViolations violations) {
        if (violations.requirePresent(key, path + ".key")) {
            violations.characterLength(key, path + ".key", 1, MAXIMUM_KEY_LENGTH);
        }
        if (violations.requirePresent(value, path + ".value")) {
            violations.characterLength(value, path + ".value", 0, MAXIMUM_VALUE_LENGTH);
        }
    }
}
