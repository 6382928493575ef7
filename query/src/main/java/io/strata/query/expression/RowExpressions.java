package io.strata.query.expression;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.expression.RowExpression.Call;
import io.strata.query.expression.RowExpression.Constant;
import io.strata.query.expression.RowExpression.InputReference;
import io.strata.query.expression.RowExpression.SpecialForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/** Rewrites and inspections of {@link RowExpression} trees. */
public final class RowExpressions {
    private RowExpressions() {}

    /** The expression with every input channel {@code c} replaced by {@code mapping(c)}. */
    public static RowExpression remap(RowExpression expression, IntUnaryOperator mapping) {
        return switch (expression) {
            case InputReference reference -> new InputReference(mapping.applyAsInt(reference.channel()), reference.type());
            case Constant constant -> constant;
            case Call call -> new Call(call.name(), remapAll(call.arguments(), mapping), call.type());
            case SpecialForm form -> new SpecialForm(form.form(), remapAll(form.arguments(), mapping), form.type());
            case RowExpression.Lambda lambda -> lambda; // its channels are its own parameters
        };
    }

    private static List<RowExpression> remapAll(List<RowExpression> expressions, IntUnaryOperator mapping) {
        List<RowExpression> result = new ArrayList<>(expressions.size());
        for (RowExpression expression : expressions) {
            result.add(remap(expression, mapping));
        }
        return result;
    }

    /** Adds the input channels the expression reads to {@code out}. */
    public static void collectChannels(RowExpression expression, Set<Integer> out) {
        switch (expression) {
            case InputReference reference -> out.add(reference.channel());
            case Constant ignored -> { }
            case Call call -> call.arguments().forEach(argument -> collectChannels(argument, out));
            case SpecialForm form -> form.arguments().forEach(argument -> collectChannels(argument, out));
            case RowExpression.Lambda ignored -> { } // reads only its own parameters
        }
    }

    /** The conjuncts of an AND tree (the expression itself if it is not an AND). */
    public static List<RowExpression> conjuncts(RowExpression expression) {
        List<RowExpression> result = new ArrayList<>();
        if (expression instanceof SpecialForm form && form.form() == RowExpression.Form.AND) {
            form.arguments().forEach(argument -> result.addAll(conjuncts(argument)));
        } else {
            result.add(expression);
        }
        return result;
    }

    public static RowExpression and(List<RowExpression> conjuncts) {
        if (conjuncts.size() == 1) {
            return conjuncts.getFirst();
        }
        return new SpecialForm(RowExpression.Form.AND, conjuncts, SqlType.BOOLEAN);
    }

    /**
     * Evaluates every sub-expression that reads no input channel ({@code ago(1h)},
     * {@code from_milliseconds(1700000000000)}, {@code @scheduled_runtime - 1h}) to a constant.
     */
    public static RowExpression foldConstants(RowExpression expression, ExpressionCompiler compiler) {
        return switch (expression) {
            case InputReference reference -> reference;
            case Constant constant -> constant;
            case Call call -> {
                List<RowExpression> arguments = new ArrayList<>();
                boolean allConstant = true;
                for (RowExpression argument : call.arguments()) {
                    RowExpression folded = foldConstants(argument, compiler);
                    arguments.add(folded);
                    allConstant &= folded instanceof Constant;
                }
                Call rebuilt = new Call(call.name(), arguments, call.type());
                // a constant holds a scalar; composite values (sequence(1, 3)) are computed per batch
                yield allConstant && !call.type().isComposite() ? evaluateConstant(rebuilt, compiler) : rebuilt;
            }
            case SpecialForm form -> {
                List<RowExpression> arguments = new ArrayList<>();
                for (RowExpression argument : form.arguments()) {
                    arguments.add(foldConstants(argument, compiler));
                }
                yield new SpecialForm(form.form(), arguments, form.type());
            }
            case RowExpression.Lambda lambda -> lambda;
        };
    }

    /** The value of an expression that reads no input. */
    public static Constant evaluateConstant(RowExpression expression, ExpressionCompiler compiler) {
        ColumnBatch oneRow = new ColumnBatch(1, List.of(), List.of());
        Object value = Vectors.value(compiler.compile(expression).evaluate(oneRow), 0);
        return new Constant(value, expression.type());
    }
}
