package io.strata.query.expression;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.expression.RowExpression.Call;
import io.strata.query.expression.RowExpression.Constant;
import io.strata.query.expression.RowExpression.InputReference;
import io.strata.query.expression.RowExpression.SpecialForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link RowExpression} into a {@link VectorEvaluator}: each node becomes a closure that
 * evaluates its children's vectors and combines them a batch at a time. Functions are resolved
 * here, once, not per batch. Thread-safe.
 */
public final class ExpressionCompiler {
    private final FunctionResolver functions;

    public ExpressionCompiler(FunctionResolver functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    public VectorEvaluator compile(RowExpression expression) {
        return switch (expression) {
            case InputReference reference -> batch -> batch.column(reference.channel());
            case Constant constant -> batch -> Vectors.constant(constant.type(), constant.value(), batch.rowCount());
            case Call call when LambdaCalls.isLambdaCall(call) -> LambdaCalls.compile(call, this);
            case Call call when call.name().equals(FIELD) -> field(call);
            case Call call when call.name().equals(ARRAY_CONSTRUCTOR) -> arrayConstructor(call);
            case Call call -> compileCall(call);
            case RowExpression.Lambda lambda -> throw new IllegalArgumentException("a lambda is only an argument of "
                    + "filter, transform or reduce: " + lambda);
            case SpecialForm form -> compileSpecialForm(form);
        };
    }

    /** {@code $field(row, index)}: field {@code index} (a BIGINT constant) of a row value. */
    public static final String FIELD = "$field";
    /** {@code $array(e1, ..., en)}: {@code ARRAY[e1, ..., en]}, elements of the array's element type. */
    public static final String ARRAY_CONSTRUCTOR = "$array";

    private VectorEvaluator field(Call call) {
        VectorEvaluator row = compile(call.arguments().getFirst());
        int index = Math.toIntExact((Long) ((Constant) call.arguments().get(1)).value());
        SqlType type = call.type();
        return batch -> {
            ColumnVector rows = row.evaluate(batch);
            VectorBuilder out = new VectorBuilder(type, batch.rowCount());
            for (int position = 0; position < batch.rowCount(); position++) {
                Object value = Vectors.value(rows, position);
                out.appendObject(value == null ? null : ((List<?>) value).get(index));
            }
            return out.build();
        };
    }

    private VectorEvaluator arrayConstructor(Call call) {
        VectorEvaluator[] elements = compileAll(call.arguments());
        SqlType type = call.type();
        return batch -> {
            ColumnVector[] values = evaluateAll(elements, batch);
            VectorBuilder out = new VectorBuilder(type, batch.rowCount());
            List<Object> array = new ArrayList<>(values.length);
            for (int row = 0; row < batch.rowCount(); row++) {
                array.clear();
                for (ColumnVector value : values) {
                    array.add(Vectors.value(value, row));
                }
                out.appendObject(CompositeValues.list(array));
            }
            return out.build();
        };
    }

    private VectorEvaluator compileCall(Call call) {
        List<SqlType> argumentTypes = call.arguments().stream().map(RowExpression::type).toList();
        ResolvedFunction function = switch (call.name()) {
            case FunctionResolver.CAST -> functions.resolveCast(argumentTypes.getFirst(), call.type());
            case FunctionResolver.TRY_CAST -> functions.resolveTryCast(argumentTypes.getFirst(), call.type());
            default -> functions.resolveScalar(call.name(), argumentTypes);
        };
        VectorEvaluator[] arguments = compileAll(call.arguments());
        ScalarFunction implementation = function.implementation();
        return batch -> {
            ColumnVector[] values = new ColumnVector[arguments.length];
            for (int index = 0; index < arguments.length; index++) {
                values[index] = arguments[index].evaluate(batch);
            }
            try {
                return implementation.apply(values, batch.rowCount());
            } catch (ArithmeticException e) {
                throw new QueryExecutionException(call.name().replace("$", "") + ": " + e.getMessage(), e);
            }
        };
    }

    private VectorEvaluator[] compileAll(List<RowExpression> expressions) {
        VectorEvaluator[] evaluators = new VectorEvaluator[expressions.size()];
        for (int index = 0; index < evaluators.length; index++) {
            evaluators[index] = compile(expressions.get(index));
        }
        return evaluators;
    }

    private VectorEvaluator compileSpecialForm(SpecialForm form) {
        VectorEvaluator[] arguments = compileAll(form.arguments());
        SqlType type = form.type();
        return switch (form.form()) {
            case AND, OR -> logical(arguments, form.form() == RowExpression.Form.AND);
            case IS_NULL -> batch -> {
                ColumnVector input = arguments[0].evaluate(batch);
                BooleanVector.Builder out = new BooleanVector.Builder(batch.rowCount());
                for (int row = 0; row < batch.rowCount(); row++) {
                    out.append(input.isNull(row));
                }
                return out.build();
            };
            case IF -> batch -> {
                ColumnVector condition = arguments[0].evaluate(batch);
                ColumnVector whenTrue = arguments[1].evaluate(batch);
                ColumnVector whenFalse = arguments.length > 2 ? arguments[2].evaluate(batch) : null;
                VectorBuilder out = new VectorBuilder(type, batch.rowCount());
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (isTrue(condition, row)) {
                        out.appendFrom(whenTrue, row);
                    } else if (whenFalse == null) {
                        out.appendNull();
                    } else {
                        out.appendFrom(whenFalse, row);
                    }
                }
                return out.build();
            };
            case SEARCHED_CASE -> batch -> {
                ColumnVector[] values = evaluateAll(arguments, batch);
                VectorBuilder out = new VectorBuilder(type, batch.rowCount());
                int pairs = (values.length - 1) / 2;
                for (int row = 0; row < batch.rowCount(); row++) {
                    int chosen = values.length - 1;
                    for (int pair = 0; pair < pairs; pair++) {
                        if (isTrue(values[2 * pair], row)) {
                            chosen = 2 * pair + 1;
                            break;
                        }
                    }
                    out.appendFrom(values[chosen], row);
                }
                return out.build();
            };
            case COALESCE -> batch -> {
                ColumnVector[] values = evaluateAll(arguments, batch);
                VectorBuilder out = new VectorBuilder(type, batch.rowCount());
                for (int row = 0; row < batch.rowCount(); row++) {
                    ColumnVector chosen = values[values.length - 1];
                    for (ColumnVector value : values) {
                        if (!value.isNull(row)) {
                            chosen = value;
                            break;
                        }
                    }
                    out.appendFrom(chosen, row);
                }
                return out.build();
            };
            case NULL_IF -> batch -> {
                ColumnVector first = arguments[0].evaluate(batch);
                ColumnVector second = arguments[1].evaluate(batch);
                VectorBuilder out = new VectorBuilder(type, batch.rowCount());
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (!first.isNull(row) && !second.isNull(row) && Vectors.compareValues(first, row, second, row) == 0) {
                        out.appendNull();
                    } else {
                        out.appendFrom(first, row);
                    }
                }
                return out.build();
            };
            case IN -> batch -> {
                ColumnVector[] values = evaluateAll(arguments, batch);
                BooleanVector.Builder out = new BooleanVector.Builder(batch.rowCount());
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (values[0].isNull(row)) {
                        out.appendNull();
                        continue;
                    }
                    boolean found = false;
                    boolean sawNull = false;
                    for (int index = 1; index < values.length && !found; index++) {
                        if (values[index].isNull(row)) {
                            sawNull = true;
                        } else {
                            found = Vectors.compareValues(values[0], row, values[index], row) == 0;
                        }
                    }
                    if (found) {
                        out.append(true);
                    } else if (sawNull) {
                        out.appendNull();
                    } else {
                        out.append(false);
                    }
                }
                return out.build();
            };
        };
    }

    private static ColumnVector[] evaluateAll(VectorEvaluator[] evaluators, io.strata.core.batch.ColumnBatch batch) {
        ColumnVector[] values = new ColumnVector[evaluators.length];
        for (int index = 0; index < evaluators.length; index++) {
            values[index] = evaluators[index].evaluate(batch);
        }
        return values;
    }

    static boolean isTrue(ColumnVector condition, int row) {
        return !condition.isNull(row) && ((BooleanVector) condition).get(row);
    }

    /** SQL's three-valued AND/OR: FALSE (TRUE) wins over NULL. */
    private static VectorEvaluator logical(VectorEvaluator[] terms, boolean and) {
        return batch -> {
            List<ColumnVector> values = new ArrayList<>(terms.length);
            for (VectorEvaluator term : terms) {
                values.add(term.evaluate(batch));
            }
            BooleanVector.Builder out = new BooleanVector.Builder(batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                boolean sawNull = false;
                boolean decided = false;
                for (ColumnVector value : values) {
                    if (value.isNull(row)) {
                        sawNull = true;
                    } else if (((BooleanVector) value).get(row) != and) {
                        decided = true;
                        break;
                    }
                }
                if (decided) {
                    out.append(!and);
                } else if (sawNull) {
                    out.appendNull();
                } else {
                    out.append(and);
                }
            }
            return out.build();
        };
    }
}
