package io.strata.query.analysis;

import io.strata.query.plan.PlanNode;
import java.util.Objects;

/** A planned relation: its plan and the scope naming the plan's output channels. */
record RelationPlan(PlanNode node, Scope scope) {
    RelationPlan {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(scope, "scope");
        if (node.outputTypes().size() != scope.fields().size()) {
            throw new IllegalStateException(node.outputTypes().size() + " channels but " + scope.fields().size() + " fields");
        }
    }
}
