package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;

/**
 * Arithmetic on SQL {@code integer} values (carried as long) with Trino's 32-bit overflow rule:
 * a result outside the {@code int} range fails with Trino's message ({@code integer addition
 * overflow: 2147483647 + 1}) instead of widening. Pure, allocation-free, thread-safe.
 */
public final class IntegerArithmetic {
    private IntegerArithmetic() {}

    public static long add(long left, long right) {
        long result = left + right;
        if (result != (int) result) {
            throw overflow("addition", left + " + " + right);
        }
        return result;
    }

    public static long subtract(long left, long right) {
        long result = left - right;
        if (result != (int) result) {
            throw overflow("subtraction", left + " - " + right);
        }
        return result;
    }

    public static long multiply(long left, long right) {
        long result = left * right;
        if (result != (int) result) {
            throw overflow("multiplication", left + " * " + right);
        }
        return result;
    }

    public static long divide(long left, long right) {
        if (right == 0) {
            throw new QueryExecutionException("Division by zero");
        }
        long result = left / right;
        if (result != (int) result) {
            throw overflow("division", left + " / " + right);
        }
        return result;
    }

    public static long modulus(long left, long right) {
        if (right == 0) {
            throw new QueryExecutionException("Division by zero");
        }
        return left % right;
    }

    public static long negate(long value) {
        if (-value != (int) -value) {
            throw overflow("negation", String.valueOf(value));
        }
        return -value;
    }

    private static QueryExecutionException overflow(String operation, String operands) {
        return new QueryExecutionException("integer " + operation + " overflow: " + operands);
    }
}
