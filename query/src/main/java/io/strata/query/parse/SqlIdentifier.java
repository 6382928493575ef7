package io.strata.query.parse;

import io.trino.sql.tree.Identifier;
import java.util.Objects;

/**
 * A name exactly as the user wrote it: its text (unescaped, case kept) and whether it was quoted.
 * Whether an unquoted name matches case-insensitively is the analyzer's decision, not the parser's.
 */
public record SqlIdentifier(String value, boolean quoted) {

    public SqlIdentifier {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an identifier is never empty");
        }
    }

    static SqlIdentifier of(Identifier identifier) {
        return new SqlIdentifier(identifier.getValue(), identifier.isDelimited());
    }

    @Override
    public String toString() {
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
