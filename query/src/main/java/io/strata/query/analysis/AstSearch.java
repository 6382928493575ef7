package io.strata.query.analysis;

import io.strata.query.expression.FunctionResolver;
import io.trino.sql.tree.ExistsPredicate;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Predicated;
import io.trino.sql.tree.SubqueryExpression;
import java.util.List;
import java.util.Locale;

/** Finds the parts of an expression the planner computes separately, without entering subqueries. */
final class AstSearch {
    private AstSearch() {}

    /** Aggregate calls (not window calls), outermost first; does not look inside them. */
    static void aggregates(Node node, FunctionResolver functions, List<FunctionCall> out) {
        if (node instanceof FunctionCall call && call.getWindow().isEmpty()
                && functions.isAggregate(call.getName().getSuffix().toLowerCase(Locale.ROOT))) {
            if (!out.contains(call)) {
                out.add(call);
            }
            return;
        }
        if (isSubquery(node)) {
            return;
        }
        for (Node child : node.getChildren()) {
            aggregates(child, functions, out);
        }
    }

    /** Window function calls ({@code f(...) OVER (...)}). */
    static void windowCalls(Node node, List<FunctionCall> out) {
        if (node instanceof FunctionCall call && call.getWindow().isPresent()) {
            if (!out.contains(call)) {
                out.add(call);
            }
            return;
        }
        if (isSubquery(node)) {
            return;
        }
        for (Node child : node.getChildren()) {
            windowCalls(child, out);
        }
    }

    /** Scalar subqueries, EXISTS and IN (subquery) predicates. */
    static void subqueries(Node node, List<Expression> out) {
        if (node instanceof SubqueryExpression || node instanceof ExistsPredicate
                || (node instanceof Predicated predicated && predicated.getPredicate() instanceof InPredicate in
                    && in.getValueList() instanceof SubqueryExpression)) {
            out.add((Expression) node);
            if (node instanceof Predicated predicated) {
                subqueries(predicated.getValue(), out);
            }
            return;
        }
        for (Node child : node.getChildren()) {
            subqueries(child, out);
        }
    }

    private static boolean isSubquery(Node node) {
        return node instanceof SubqueryExpression || node instanceof ExistsPredicate;
    }
}
