package io.strata.query.expression;

import java.util.List;
import java.util.Objects;

/** One signature of a scalar function in the {@link FunctionResolver}'s registry. */
record ScalarOverload(String name, List<SqlType> parameterTypes, SqlType returnType, ScalarFunction implementation) {
    ScalarOverload {
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(implementation, "implementation");
    }

    ResolvedFunction resolved() {
        return new ResolvedFunction(name, parameterTypes, returnType, implementation);
    }
}
