package io.strata.query.function.scalar;

import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * One bound overload: its SQL signature and the public static method implementing it.
 *
 * @param signature the SQL overload
 * @param implementation a handle to the static method; SQL types map to Java as bigint, integer,
 *     timestamp, date → {@code long}; double → {@code double}; boolean → {@code boolean};
 *     varchar → {@code String}; array(T) → {@code List}; timeseries(T) → {@code TimeSeries};
 *     function(...) → a {@code java.util.function} type
 * @param nullOnNullInput true when the engine must answer NULL for any NULL argument instead of
 *     calling (the method then takes primitives); false when the method handles NULL itself
 */
public record ScalarFunction(FunctionSignature signature, MethodHandle implementation, boolean nullOnNullInput) {
    public ScalarFunction {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(implementation, "implementation");
    }
}
