package io.strata.query.analysis;

import io.strata.core.error.ValidationException;
import io.strata.query.catalog.Catalog;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.function.time.QueryClock;
import io.strata.query.parse.ParsedStatement;
import io.trino.sql.tree.Node;
import java.util.Map;

/** What every part of one statement's analysis shares: the statement, catalog, functions, clock and parameters. */
record AnalysisContext(ParsedStatement.Select statement, Catalog catalog, FunctionResolver functions, QueryClock clock,
                       Map<String, Long> parameters) {
    ValidationException errorAt(Node node, String message) {
        return statement.errorAt(node, message);
    }
}
