package io.strata.query.expression;

import java.util.List;
import java.util.Objects;

/**
 * A bound, typed expression over the channels (columns by position) of its input: what the
 * analyzer produces from the SQL text and the compiler turns into a {@link VectorEvaluator}.
 * Immutable and serializable by {@link io.strata.query.plan.PlanCodec}; functions are referred to
 * by name and resolved again, with the argument types, where the expression runs.
 */
public sealed interface RowExpression {
    SqlType type();

    /** The value of input channel {@code channel}. */
    record InputReference(int channel, SqlType type) implements RowExpression {
        public InputReference {
            if (channel < 0) {
                throw new IllegalArgumentException("channel must be >= 0: " + channel);
            }
            Objects.requireNonNull(type, "type");
        }
    }

    /** A literal: Long (BIGINT, TIMESTAMP, DATE, intervals), Double, Boolean, String, or null. */
    record Constant(Object value, SqlType type) implements RowExpression {
        public Constant {
            Objects.requireNonNull(type, "type");
            if (value != null && !(value instanceof Long || value instanceof Double || value instanceof Boolean
                    || value instanceof String)) {
                throw new IllegalArgumentException("unsupported constant " + value.getClass().getSimpleName());
            }
        }
    }

    /** A scalar function or operator ({@code $add}, {@code $equal}, {@code $cast}, ...) by name. */
    record Call(String name, List<RowExpression> arguments, SqlType type) implements RowExpression {
        public Call {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A lambda ({@code x -> x > 0}) passed to a function such as {@code filter}: the body reads
     * its parameters as channels {@code 0..n-1} of a batch of its own and nothing of the outer
     * row. Its type is {@code function(parameters..., body type)}.
     */
    record Lambda(List<SqlType> parameterTypes, RowExpression body) implements RowExpression {
        public Lambda {
            parameterTypes = List.copyOf(parameterTypes);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public SqlType type() {
            return SqlType.function(parameterTypes, body.type());
        }
    }

    /** Forms that do not evaluate all their arguments row by row like a function. */
    record SpecialForm(Form form, List<RowExpression> arguments, SqlType type) implements RowExpression {
        public SpecialForm {
            Objects.requireNonNull(form, "form");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(type, "type");
        }
    }

    enum Form {
        /** Three-valued AND of all arguments. */
        AND,
        /** Three-valued OR of all arguments. */
        OR,
        /** {@code IF(condition, then, else)}. */
        IF,
        /** {@code when1, then1, ..., whenN, thenN, else}: the first true condition's result. */
        SEARCHED_CASE,
        COALESCE,
        /** {@code value IN (list...)}: arguments are the value then the list. */
        IN,
        IS_NULL,
        /** {@code NULLIF(a, b)}. */
        NULL_IF
    }

    static RowExpression constant(Object value, SqlType type) {
        return new Constant(value, type);
    }
}
