package io.strata.query.analysis;

import io.strata.query.expression.SqlType;
import java.util.Objects;
import java.util.Optional;

/**
 * A column a relation exposes to name resolution: its relation's name (table or alias), its own
 * name, type, and whether an unqualified name may find it (a hidden field is only reachable
 * qualified, or not at all when it has no name).
 */
record Field(Optional<String> relation, Optional<String> name, SqlType type, boolean visible) {
    Field {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    static Field named(String relation, String name, SqlType type) {
        return new Field(Optional.ofNullable(relation), Optional.ofNullable(name), type, true);
    }

    static Field hidden(SqlType type) {
        return new Field(Optional.empty(), Optional.empty(), type, false);
    }

    Field withRelation(String newRelation) {
        return new Field(Optional.of(newRelation), name, type, visible);
    }
}
