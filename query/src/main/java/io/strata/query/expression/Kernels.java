package io.strata.query.expression;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Loops that apply a per-value operation to whole vectors with SQL's null rule (any NULL argument
 * gives NULL). The numeric loops read primitives and allocate nothing per row; the loops taking
 * objects are for string and rarely used functions.
 */
public final class Kernels {
    private Kernels() {}

    public static double doubleAt(ColumnVector vector, int row) {
        return vector instanceof LongVector longs ? longs.get(row) : ((DoubleVector) vector).get(row);
    }

    public static long longAt(ColumnVector vector, int row) {
        return ((LongVector) vector).get(row);
    }

    public static ScalarFunction longUnary(SqlType result, LongUnaryOperator operator) {
        return (arguments, rows) -> {
            ColumnVector input = arguments[0];
            VectorBuilder out = new VectorBuilder(result, rows);
            for (int row = 0; row < rows; row++) {
                if (input.isNull(row)) {
                    out.appendNull();
                } else {
                    out.appendLong(operator.applyAsLong(longAt(input, row)));
                }
            }
            return out.build();
        };
    }

    public static ScalarFunction doubleUnary(DoubleUnaryOperator operator) {
        return (arguments, rows) -> {
            ColumnVector input = arguments[0];
            DoubleVector.Builder out = new DoubleVector.Builder(rows);
            for (int row = 0; row < rows; row++) {
                if (input.isNull(row)) {
                    out.appendNull();
                } else {
                    out.append(operator.applyAsDouble(doubleAt(input, row)));
                }
            }
            return out.build();
        };
    }

    public static ScalarFunction longBinary(SqlType result, LongBinaryOperator operator) {
        return (arguments, rows) -> {
            ColumnVector left = arguments[0];
            ColumnVector right = arguments[1];
            VectorBuilder out = new VectorBuilder(result, rows);
            for (int row = 0; row < rows; row++) {
                if (left.isNull(row) || right.isNull(row)) {
                    out.appendNull();
                } else {
                    out.appendLong(operator.applyAsLong(longAt(left, row), longAt(right, row)));
                }
            }
            return out.build();
        };
    }

    public static ScalarFunction doubleBinary(DoubleBinaryOperator operator) {
        return (arguments, rows) -> {
            ColumnVector left = arguments[0];
            ColumnVector right = arguments[1];
            DoubleVector.Builder out = new DoubleVector.Builder(rows);
            for (int row = 0; row < rows; row++) {
                if (left.isNull(row) || right.isNull(row)) {
                    out.appendNull();
                } else {
                    out.append(operator.applyAsDouble(doubleAt(left, row), doubleAt(right, row)));
                }
            }
            return out.build();
        };
    }

    /** A comparison: {@code test} receives the sign of compare(left, right). */
    public static ScalarFunction comparison(IntPredicate test) {
        return (arguments, rows) -> {
            ColumnVector left = arguments[0];
            ColumnVector right = arguments[1];
            BooleanVector.Builder out = new BooleanVector.Builder(rows);
            for (int row = 0; row < rows; row++) {
                if (left.isNull(row) || right.isNull(row)) {
                    out.appendNull();
                } else {
                    out.append(test.test(Vectors.compareValues(left, row, right, row)));
                }
            }
            return out.build();
        };
    }

    public static ScalarFunction doubleToLong(SqlType result, ToLongFunction<Double> operator) {
        return objects(result, values -> operator.applyAsLong((Double) values[0]));
    }

    public static ScalarFunction varcharToDouble(ToDoubleFunction<String> operator) {
        return objects(SqlType.DOUBLE, values -> operator.applyAsDouble((String) values[0]));
    }

    /**
     * A function of the arguments' Java values ({@link Vectors#value}); the result is appended in
     * its Java form. One argument array is reused for the whole batch.
     */
    public static ScalarFunction objects(SqlType result, Function<Object[], Object> function) {
        return (arguments, rows) -> {
            VectorBuilder out = new VectorBuilder(result, rows);
            Object[] values = new Object[arguments.length];
            for (int row = 0; row < rows; row++) {
                boolean anyNull = false;
                for (int index = 0; index < arguments.length; index++) {
                    values[index] = Vectors.value(arguments[index], row);
                    anyNull |= values[index] == null;
                }
                out.appendObject(anyNull ? null : function.apply(values));
            }
            return out.build();
        };
    }

    /** Like {@link #objects} but the function sees NULL arguments (for functions defined on NULL). */
    public static ScalarFunction objectsWithNulls(SqlType result, Function<Object[], Object> function) {
        return (arguments, rows) -> {
            VectorBuilder out = new VectorBuilder(result, rows);
            Object[] values = new Object[arguments.length];
            for (int row = 0; row < rows; row++) {
                for (int index = 0; index < arguments.length; index++) {
                    values[index] = Vectors.value(arguments[index], row);
                }
                out.appendObject(function.apply(values));
            }
            return out.build();
        };
    }

    /** A varchar-to-varchar function that works on the dictionary once, not on every row. */
    public static ScalarFunction varcharUnary(Function<String, String> function) {
        return (arguments, rows) -> {
            VarcharVector input = (VarcharVector) arguments[0];
            String[] mapped = new String[input.dictionarySize()];
            VarcharVector.Builder out = new VarcharVector.Builder(rows);
            for (int row = 0; row < rows; row++) {
                if (input.isNull(row)) {
                    out.appendNull();
                    continue;
                }
                int id = input.id(row);
                if (mapped[id] == null) {
                    mapped[id] = function.apply(input.dictionaryValue(id));
                }
                out.append(mapped[id]);
            }
            return out.build();
        };
    }
}
