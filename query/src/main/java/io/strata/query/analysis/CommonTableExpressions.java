package io.strata.query.analysis;

import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.WithQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The WITH queries visible at a point of a statement; inner ones hide outer ones of the same name. */
final class CommonTableExpressions {
    static final CommonTableExpressions NONE = new CommonTableExpressions(null, Map.of());

    private final CommonTableExpressions outer;
    private final Map<String, WithQueryInScope> queries;

    private CommonTableExpressions(CommonTableExpressions outer, Map<String, WithQueryInScope> queries) {
        this.outer = outer;
        this.queries = queries;
    }

    /** A WITH query and the WITH queries it may itself refer to (those before it). */
    record WithQueryInScope(WithQuery query, CommonTableExpressions visible) {}

    CommonTableExpressions with(Iterable<WithQuery> withQueries) {
        Map<String, WithQueryInScope> added = new HashMap<>();
        CommonTableExpressions current = new CommonTableExpressions(this, added);
        for (WithQuery query : withQueries) {
            CommonTableExpressions before = new CommonTableExpressions(this, new HashMap<>(added));
            added.put(key(query.getName()), new WithQueryInScope(query, before));
        }
        return current;
    }

    Optional<WithQueryInScope> find(Identifier name) {
        for (CommonTableExpressions level = this; level != null; level = level.outer) {
            WithQueryInScope query = level.queries.get(key(name));
            if (query != null) {
                return Optional.of(query);
            }
        }
        return Optional.empty();
    }

    private static String key(Identifier name) {
        return name.getValue().toLowerCase(java.util.Locale.ROOT);
    }
}
