package io.strata.http.operation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link OperationHandler} serves which {@link TimestreamOperation}; immutable once built.
 * An operation without a handler is answered with a 4xx that names it, never a 5xx.
 */
public final class OperationRegistry {
    private final Map<TimestreamOperation, OperationHandler> handlers;

    private OperationRegistry(Map<TimestreamOperation, OperationHandler> handlers) {
        this.handlers = handlers.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(handlers));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<OperationHandler> handlerFor(TimestreamOperation operation) {
        return Optional.ofNullable(handlers.get(operation));
    }

    /** This registry, plus {@code handler} for {@code operation} unless one is registered already. */
    public OperationRegistry withDefault(TimestreamOperation operation, OperationHandler handler) {
        if (handlers.containsKey(operation)) {
            return this;
        }
        Map<TimestreamOperation, OperationHandler> copy = new EnumMap<>(TimestreamOperation.class);
        copy.putAll(handlers);
        copy.put(operation, Objects.requireNonNull(handler, "handler"));
        return new OperationRegistry(copy);
    }

    public static final class Builder {
        private final Map<TimestreamOperation, OperationHandler> handlers = new EnumMap<>(TimestreamOperation.class);

        private Builder() {
        }

        /** @throws IllegalStateException if {@code operation} already has a handler */
        public Builder register(TimestreamOperation operation, OperationHandler handler) {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(operation, handler) != null) {
                throw new IllegalStateException(operation.operationName() + " has a handler already");
            }
            return this;
        }

        public OperationRegistry build() {
            return new OperationRegistry(handlers);
        }
    }
}
