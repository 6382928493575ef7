package io.strata.query.expression;

import java.util.List;
import java.util.Objects;

/**
 * A scalar function chosen for a call: the parameter types the arguments must be coerced to, the
 * result type, and the implementation.
 */
public record ResolvedFunction(String name, List<SqlType> parameterTypes, SqlType returnType, ScalarFunction implementation) {
    public ResolvedFunction {
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(implementation, "implementation");
    }
}
