package io.strata.query.function.scalar;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects {@link ScalarFunction}s by finding public static methods by name and Java parameter
 * types, failing at registry construction (not at query time) if a binding names a method that
 * does not exist. Used by the scalar and time-series registries. Not thread-safe while building.
 */
public final class StaticMethodBinder {
    private final Map<String, List<ScalarFunction>> functions = new LinkedHashMap<>();

    /**
     * Binds SQL {@code signature} to {@code owner.method(parameterTypes)}.
     *
     * @throws IllegalStateException if there is no such public static method
     */
    public StaticMethodBinder bind(FunctionSignature signature, boolean nullOnNullInput, Class<?> owner, String method,
                                   Class<?>... parameterTypes) {
        try {
            Method target = owner.getMethod(method, parameterTypes);
            if (!Modifier.isStatic(target.getModifiers())) {
                throw new IllegalStateException(owner.getSimpleName() + "." + method + " is not static");
            }
            functions.computeIfAbsent(signature.name(), name -> new ArrayList<>())
                    .add(new ScalarFunction(signature, MethodHandles.publicLookup().unreflect(target), nullOnNullInput));
            return this;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("no public static " + owner.getSimpleName() + "." + method + " for " + signature, e);
        }
    }

    /** Binds with {@code nullOnNullInput = true}. */
    public StaticMethodBinder bind(FunctionSignature signature, Class<?> owner, String method, Class<?>... parameterTypes) {
        return bind(signature, true, owner, method, parameterTypes);
    }

    /** An immutable name → overloads map. */
    public Map<String, List<ScalarFunction>> build() {
        Map<String, List<ScalarFunction>> copy = new LinkedHashMap<>();
        functions.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
