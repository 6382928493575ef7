package io.strata.query.analysis;

import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.ResolvedFunction;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.RowExpression.Call;
import io.strata.query.expression.RowExpression.Constant;
import io.strata.query.expression.RowExpression.Form;
import io.strata.query.expression.RowExpression.InputReference;
import io.strata.query.expression.RowExpression.SpecialForm;
import io.strata.query.expression.SqlType;
import io.strata.query.function.time.Nanos;
import io.strata.query.function.time.QueryClock;
import io.strata.query.function.time.TimeText;
import io.strata.query.function.time.TimestampField;
import io.strata.query.function.time.TimestampText;
import io.strata.query.parse.IntervalLiterals;
import io.strata.query.parse.IntervalValue;
import io.strata.query.parse.TimestreamPreLexer;
import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.LambdaArgumentDeclaration;
import io.trino.sql.tree.LambdaExpression;
import io.trino.sql.tree.SubscriptExpression;
import io.strata.query.expression.ExpressionCompiler;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.BetweenPredicate;
import io.trino.sql.tree.BooleanLiteral;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CoalesceExpression;
import io.trino.sql.tree.ComparisonPredicate;
import io.trino.sql.tree.DistinctFromPredicate;
import io.trino.sql.tree.Predicated;
import io.trino.sql.tree.CurrentDate;
import io.trino.sql.tree.CurrentTime;
import io.trino.sql.tree.CurrentTimestamp;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Extract;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.LocalTime;
import io.trino.sql.tree.LocalTimestamp;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.IfExpression;
import io.trino.sql.tree.InListExpression;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.IsNullPredicate;
import io.trino.sql.tree.LikePredicate;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NotExpression;
import io.trino.sql.tree.NullIfExpression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.SearchedCaseExpression;
import io.trino.sql.tree.SimpleCaseExpression;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.WhenClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates one Trino expression into a typed {@link RowExpression} over a {@link Scope}:
 * resolves names, binds functions and operators through the {@link FunctionResolver}, inserts
 * implicit coercions (BIGINT to DOUBLE, NULL to anything), evaluates {@code now()} and
 * {@code ago()} against the query's clock, and binds {@code @scheduled_runtime}. Sub-expressions
 * already computed by the plan (group keys, aggregates, window functions, subqueries) are found
 * in {@code computed} and become channel references. Errors carry the user's line:column.
 */
final class ExpressionTranslator {
    private final AnalysisContext analysis;
    private final Scope scope;
    private final Map<Expression, Integer> computed;
    /**
     * After GROUP BY: the scope before aggregation, to tell a column that is not grouped from one
     * that does not exist; null otherwise.
     */
    private final Scope groupedSource;

    ExpressionTranslator(AnalysisContext analysis, Scope scope, Map<Expression, Integer> computed, Scope groupedSource) {
        this.analysis = analysis;
        this.scope = scope;
        this.computed = computed;
        this.groupedSource = groupedSource;
    }

    RowExpression translate(Expression expression) {
        Integer channel = computed.get(expression);
        if (channel != null && !(expression instanceof Predicated)) {
            return new InputReference(channel, scope.fields().get(channel).type());
        }
        try {
            return translateNode(expression);
        } catch (ValidationException e) {
            throw e.getMessage().startsWith("line ") ? e : analysis.errorAt(expression, e.getMessage());
        }
    }

    RowExpression translateBoolean(Expression expression, String clause) {
        RowExpression result = translate(expression);
        if (result.type() != SqlType.BOOLEAN && result.type() != SqlType.UNKNOWN) {
            throw analysis.errorAt(expression, clause + " must evaluate to a boolean: actual type " + typeName(result.type()));
        }
        return result;
    }

    private RowExpression translateNode(Expression expression) {
        return switch (expression) {
            case Identifier identifier -> identifier(identifier);
            case DereferenceExpression dereference -> dereference(dereference);
            case LongLiteral literal -> new Constant(literal.getParsedValue(), SqlType.BIGINT);
            case DoubleLiteral literal -> new Constant(literal.getValue(), SqlType.DOUBLE);
            case DecimalLiteral literal -> new Constant(Double.parseDouble(literal.getValue()), SqlType.DOUBLE);
            case StringLiteral literal -> new Constant(literal.getValue(), SqlType.VARCHAR);
            case BooleanLiteral literal -> new Constant(literal.getValue(), SqlType.BOOLEAN);
            case NullLiteral ignored -> new Constant(null, SqlType.UNKNOWN);
            case IntervalLiteral literal -> interval(literal);
            case GenericLiteral literal -> genericLiteral(literal);
            case CurrentTimestamp ignored -> new Constant(analysis.clock().now(), SqlType.TIMESTAMP);
            // Timestream's session zone is always UTC, so the local forms equal the current ones.
            case LocalTimestamp ignored -> new Constant(analysis.clock().now(), SqlType.TIMESTAMP);
            case CurrentDate ignored -> new Constant(analysis.clock().currentDate(), SqlType.DATE);
            case CurrentTime ignored -> new Constant(analysis.clock().currentTime(), SqlType.TIME);
            case LocalTime ignored -> new Constant(analysis.clock().currentTime(), SqlType.TIME);
            case ArithmeticBinaryExpression arithmetic -> call(arithmetic.getLeft(), "$" + arithmetic.getOperator().name().toLowerCase(Locale.ROOT),
                    List.of(translate(arithmetic.getLeft()), translate(arithmetic.getRight())));
            case ArithmeticUnaryExpression unary -> unary.getSign() == ArithmeticUnaryExpression.Sign.MINUS
                    ? call(unary, "$negate", List.of(translate(unary.getValue())))
                    : translate(unary.getValue());
            case Predicated predicated -> predicated(predicated);
            case LogicalExpression logical -> logical(logical);
            case NotExpression not -> call(not, "$not", List.of(bool(not.getValue())));
            case FunctionCall call -> function(call);
            case Cast cast -> cast(cast);
            case SearchedCaseExpression searched -> searchedCase(searched);
            case SimpleCaseExpression simple -> simpleCase(simple);
            case IfExpression conditional -> ifExpression(conditional);
            case CoalesceExpression coalesce -> coalesce(coalesce);
            case NullIfExpression nullIf -> nullIf(nullIf);
            case SubscriptExpression subscript -> subscript(subscript);
            case io.trino.sql.tree.Array array -> arrayConstructor(array);
            case LambdaExpression lambda -> throw analysis.errorAt(lambda,
                    "A lambda expression is only allowed as an argument of filter, transform or reduce");
            case Extract extract -> call(extract, TimestampField.fromName(extract.getField().name()).name().toLowerCase(Locale.ROOT),
                    List.of(translate(extract.getExpression())));
            default -> throw analysis.errorAt(expression, "Unsupported expression: " + expression.getClass().getSimpleName()
                    + " " + expression);
        };
    }

    private RowExpression identifier(Identifier identifier) {
        String name = identifier.getValue();
        if (identifier.isDelimited() && name.startsWith(TimestreamPreLexer.PARAMETER_PREFIX)) {
            String parameter = name.substring(1);
            Long value = analysis.parameters().get(parameter);
            if (value == null) {
                throw analysis.errorAt(identifier, "No value given for parameter @" + parameter);
            }
            return new Constant(value, SqlType.TIMESTAMP);
        }
        return column(identifier, Optional.empty(), name, identifier.isDelimited());
    }

    private RowExpression dereference(DereferenceExpression dereference) {
        if (dereference.getField().isEmpty()) {
            throw analysis.errorAt(dereference, "Unsupported field reference: " + dereference);
        }
        Identifier field = dereference.getField().get();
        if (!(dereference.getBase() instanceof Identifier identifier) || (!scope.hasRelation(identifier.getValue())
                && (groupedSource == null || !groupedSource.hasRelation(identifier.getValue()))
                && !scope.resolve(Optional.empty(), identifier.getValue(), identifier.isDelimited()).isEmpty())) {
            return rowField(dereference, translate(dereference.getBase()), field);
        }
        Identifier base = identifier;
        if (!scope.hasRelation(base.getValue()) && (groupedSource == null || !groupedSource.hasRelation(base.getValue()))) {
            throw analysis.errorAt(base, "Column '" + base.getValue() + "' cannot be resolved");
        }
        return column(dereference, Optional.of(base.getValue()), field.getValue(), field.isDelimited());
    }

    private RowExpression column(Node node, Optional<String> relation, String name, boolean quoted) {
        List<Integer> channels = scope.resolve(relation, name, quoted);
        String display = relation.map(r -> r + ".").orElse("") + name;
        if (channels.isEmpty()) {
            if (groupedSource != null && !groupedSource.resolve(relation, name, quoted).isEmpty()) {
                throw analysis.errorAt(node, "'" + display + "' must be an aggregate expression or appear in GROUP BY clause");
            }
            throw analysis.errorAt(node, "Column '" + display + "' cannot be resolved");
        }
        if (channels.size() > 1) {
            throw analysis.errorAt(node, "Column '" + display + "' is ambiguous");
        }
        int channel = channels.getFirst();
        return new InputReference(channel, scope.fields().get(channel).type());
    }

    /** {@code row.field}: a field of a row value, such as {@code x.time} of a time-series point. */
    private RowExpression rowField(Node node, RowExpression row, Identifier field) {
        if (row.type().kind() != SqlType.Kind.ROW) {
            throw analysis.errorAt(node, "Expression " + typeName(row.type()) + " is not of type ROW");
        }
        int index = row.type().fieldIndex(field.getValue())
                .orElseThrow(() -> analysis.errorAt(field, "Column '" + field.getValue() + "' cannot be resolved"));
        return new Call(ExpressionCompiler.FIELD, List.of(row, new Constant((long) index, SqlType.BIGINT)),
                row.type().parameters().get(index));
    }

    /** {@code a[i]}: the i-th (1-based) element of an array, or field i of a row. */
    private RowExpression subscript(SubscriptExpression subscript) {
        RowExpression base = translate(subscript.getBase());
        if (base.type().kind() == SqlType.Kind.ROW) {
            if (!(subscript.getIndex() instanceof io.trino.sql.tree.LongLiteral literal) || literal.getParsedValue() < 1
                    || literal.getParsedValue() > base.type().parameters().size()) {
                throw analysis.errorAt(subscript.getIndex(), "Row subscript must be a constant between 1 and "
                        + base.type().parameters().size());
            }
            int index = (int) literal.getParsedValue() - 1;
            return new Call(ExpressionCompiler.FIELD, List.of(base, new Constant((long) index, SqlType.BIGINT)),
                    base.type().parameters().get(index));
        }
        return call(subscript, "$subscript", List.of(base, translate(subscript.getIndex())));
    }

    /** {@code ARRAY[e1, ..., en]}: elements coerced to their common type. */
    private RowExpression arrayConstructor(io.trino.sql.tree.Array array) {
        List<RowExpression> elements = new ArrayList<>();
        for (Expression value : array.getValues()) {
            elements.add(translate(value));
        }
        List<RowExpression> coerced = coerceToCommon(array, elements, "All ARRAY elements must be the same type");
        SqlType element = coerced.isEmpty() ? SqlType.UNKNOWN : coerced.getFirst().type();
        if (element.kind() == SqlType.Kind.FUNCTION) {
            throw analysis.errorAt(array, "An array cannot hold lambdas");
        }
        return new Call(ExpressionCompiler.ARRAY_CONSTRUCTOR, coerced, SqlType.array(element));
    }

    /**
     * {@code filter}, {@code transform} and {@code reduce} over an array or a time series: the
     * lambdas' parameter types follow from the collection (an element, or a time-series point
     * {@code row(time, value)}), and their bodies are translated over those parameters alone.
     */
    private RowExpression lambdaCall(FunctionCall call, String name) {
        List<Expression> arguments = call.argumentValues();
        int expected = name.equals("reduce") ? 4 : 2;
        if (!java.util.Set.of("filter", "transform", "reduce").contains(name) || arguments.size() != expected) {
            throw analysis.errorAt(call, "Function " + name + " does not take a lambda expression here");
        }
        RowExpression collection = translate(arguments.getFirst());
        SqlType type = collection.type();
        if (type.kind() != SqlType.Kind.ARRAY && type.kind() != SqlType.Kind.TIMESERIES) {
            throw analysis.errorAt(arguments.getFirst(), "Function " + name + " expects an array or a time series, not "
                    + typeName(type));
        }
        SqlType element = type.kind() == SqlType.Kind.ARRAY ? type.elementType() : SqlType.timeSeriesPoint(type.elementType());
        switch (name) {
            case "filter" -> {
                RowExpression.Lambda predicate = lambda(arguments.get(1), List.of(element));
                if (predicate.body().type() != SqlType.BOOLEAN && predicate.body().type() != SqlType.UNKNOWN) {
                    throw analysis.errorAt(arguments.get(1), "Lambda of filter must return a boolean: actual type "
                            + typeName(predicate.body().type()));
                }
                return new Call(name, List.of(collection, withBody(predicate, coerce(predicate.body(), SqlType.BOOLEAN))), type);
            }
            case "transform" -> {
                RowExpression.Lambda function = lambda(arguments.get(1), List.of(element));
                SqlType result = function.body().type();
                SqlType resultType;
                try {
                    resultType = type.kind() == SqlType.Kind.ARRAY ? SqlType.array(result) : SqlType.timeSeries(result);
                } catch (ValidationException e) {
                    throw analysis.errorAt(arguments.get(1), e.getMessage());
                }
                return new Call(name, List.of(collection, function), resultType);
            }
            default -> {
                RowExpression initial = translate(arguments.get(1));
                SqlType state = initial.type();
                RowExpression.Lambda step = lambda(arguments.get(2), List.of(state, element));
                if (step.body().type() != state) {
                    SqlType common = SqlType.commonSuperType(state, step.body().type());
                    if (common == null) {
                        throw analysis.errorAt(arguments.get(2), "Lambda of reduce must return the state type "
                                + typeName(state) + ": actual type " + typeName(step.body().type()));
                    }
                    state = common;
                    initial = coerce(initial, state);
                    step = lambda(arguments.get(2), List.of(state, element));
                }
                step = withBody(step, coerce(step.body(), state));
                RowExpression.Lambda output = lambda(arguments.get(3), List.of(state));
                return new Call(name, List.of(collection, initial, step, output), output.body().type());
            }
        }
    }

    private RowExpression.Lambda lambda(Expression expression, List<SqlType> parameterTypes) {
        if (!(expression instanceof LambdaExpression lambda)) {
            throw analysis.errorAt(expression, "Expected a lambda expression");
        }
        List<LambdaArgumentDeclaration> declarations = lambda.getArguments();
        if (declarations.size() != parameterTypes.size()) {
            throw analysis.errorAt(lambda, "Expected a lambda with " + parameterTypes.size() + " argument(s), not "
                    + declarations.size());
        }
        List<Field> fields = new ArrayList<>();
        for (int index = 0; index < declarations.size(); index++) {
            fields.add(Field.named(null, declarations.get(index).getName().getValue(), parameterTypes.get(index)));
        }
        ExpressionTranslator body = new ExpressionTranslator(analysis, new Scope(fields), Map.of(), null);
        return new RowExpression.Lambda(parameterTypes, body.translate(lambda.getBody()));
    }

    private static RowExpression.Lambda withBody(RowExpression.Lambda lambda, RowExpression body) {
        return new RowExpression.Lambda(lambda.parameterTypes(), body);
    }

    private RowExpression interval(IntervalLiteral literal) {
        IntervalValue value = IntervalLiterals.decode(literal);
        return switch (value) {
            case IntervalValue.DayToSecond dayToSecond -> new Constant(dayToSecond.nanoseconds(), SqlType.INTERVAL_DAY_TO_SECOND);
            case IntervalValue.YearToMonth yearToMonth -> new Constant(yearToMonth.months(), SqlType.INTERVAL_YEAR_TO_MONTH);
        };
    }

    private RowExpression genericLiteral(GenericLiteral literal) {
        String type = literal.getType().toLowerCase(Locale.ROOT);
        try {
            return switch (type) {
                case "timestamp" -> new Constant(TimestampText.parse(literal.getValue()), SqlType.TIMESTAMP);
                case "date" -> new Constant(Math.floorDiv(TimestampText.parse(literal.getValue()), Nanos.PER_DAY), SqlType.DATE);
                case "time" -> new Constant(TimeText.parse(literal.getValue()), SqlType.TIME);
                case "bigint" -> new Constant(Long.parseLong(literal.getValue().strip()), SqlType.BIGINT);
                case "integer", "int" -> new Constant((long) Integer.parseInt(literal.getValue().strip()), SqlType.INTEGER);
                case "double" -> new Constant(Double.parseDouble(literal.getValue().strip()), SqlType.DOUBLE);
                case "varchar" -> new Constant(literal.getValue(), SqlType.VARCHAR);
                case "boolean" -> new Constant(Boolean.parseBoolean(literal.getValue().strip()), SqlType.BOOLEAN);
                default -> throw analysis.errorAt(literal, "Unknown type: " + literal.getType());
            };
        } catch (StrataException | NumberFormatException e) {
            throw analysis.errorAt(literal, "'" + literal.getValue() + "' is not a valid " + type + " literal");
        }
    }

    private RowExpression bool(Expression expression) {
        RowExpression result = translate(expression);
        if (result.type() != SqlType.BOOLEAN && result.type() != SqlType.UNKNOWN) {
            throw analysis.errorAt(expression, "Value of logical operator must evaluate to a boolean: actual type "
                    + typeName(result.type()));
        }
        return coerce(result, SqlType.BOOLEAN);
    }

    private RowExpression logical(LogicalExpression logical) {
        List<RowExpression> terms = new ArrayList<>();
        for (Expression term : logical.getTerms()) {
            terms.add(bool(term));
        }
        Form form = logical.getOperator() == LogicalExpression.Operator.AND ? Form.AND : Form.OR;
        return new SpecialForm(form, terms, SqlType.BOOLEAN);
    }

    private RowExpression predicated(Predicated predicated) {
        Integer subquery = computed.get(predicated);
        if (subquery != null) {
            boolean negated = predicated.getPredicate() instanceof InPredicate in && in.isNegated();
            return negated(predicated, negated, new InputReference(subquery, SqlType.BOOLEAN));
        }
        Expression valueNode = predicated.getValue();
        return switch (predicated.getPredicate()) {
            case ComparisonPredicate comparison -> comparison(valueNode, valueNode, comparison);
            case IsNullPredicate isNull -> negated(predicated, isNull.isNegated(),
                    new SpecialForm(Form.IS_NULL, List.of(translate(valueNode)), SqlType.BOOLEAN));
            case BetweenPredicate between -> between(valueNode, valueNode, between);
            case InPredicate in -> in(valueNode, valueNode, in);
            case LikePredicate like -> like(valueNode, valueNode, like);
            case DistinctFromPredicate distinct -> {
                RowExpression left = translate(valueNode);
                RowExpression right = translate(distinct.getRight());
                List<RowExpression> pair = coerceToCommon(predicated, List.of(left, right), "Cannot compare "
                        + typeName(left.type()) + " with " + typeName(right.type()));
                // a IS DISTINCT FROM b: not (both null or both equal)
                RowExpression bothNull = new SpecialForm(Form.AND, List.of(
                        new SpecialForm(Form.IS_NULL, List.of(pair.get(0)), SqlType.BOOLEAN),
                        new SpecialForm(Form.IS_NULL, List.of(pair.get(1)), SqlType.BOOLEAN)), SqlType.BOOLEAN);
                RowExpression equal = new SpecialForm(Form.COALESCE, List.of(call(predicated, "$equal", pair),
                        new Constant(false, SqlType.BOOLEAN)), SqlType.BOOLEAN);
                RowExpression same = new SpecialForm(Form.OR, List.of(bothNull, equal), SqlType.BOOLEAN);
                yield negated(predicated, !isNotDistinct(distinct), same);
            }
            default -> throw analysis.errorAt(predicated, "Unsupported predicate: " + predicated);
        };
    }

    private static boolean isNotDistinct(DistinctFromPredicate distinct) {
        return distinct.isNegated();
    }

    private RowExpression negated(Node node, boolean negate, RowExpression expression) {
        return negate ? call(node, "$not", List.of(expression)) : expression;
    }

    private RowExpression comparison(Node node, Expression leftNode, ComparisonPredicate comparison) {
        String name = switch (comparison.getOperator()) {
            case EQUAL -> "$equal";
            case NOT_EQUAL -> "$not_equal";
            case LESS_THAN -> "$less_than";
            case LESS_THAN_OR_EQUAL -> "$less_than_or_equal";
            case GREATER_THAN -> "$greater_than";
            case GREATER_THAN_OR_EQUAL -> "$greater_than_or_equal";
        };
        RowExpression left = translate(leftNode);
        RowExpression right = translate(comparison.getRight());
        List<RowExpression> arguments = coerceToCommon(node, List.of(left, right), "Cannot apply operator: "
                + comparison.getOperator().getValue() + " to (" + typeName(left.type()) + ", " + typeName(right.type()) + ")");
        return call(node, name, arguments);
    }

    private RowExpression between(Node node, Expression valueNode, BetweenPredicate between) {
        RowExpression value = translate(valueNode);
        RowExpression minimum = translate(between.getMin());
        RowExpression maximum = translate(between.getMax());
        List<RowExpression> all = coerceToCommon(node, List.of(value, minimum, maximum), "Cannot check if "
                + typeName(value.type()) + " is BETWEEN " + typeName(minimum.type()) + " and " + typeName(maximum.type()));
        RowExpression result = new SpecialForm(Form.AND, List.of(
                call(node, "$greater_than_or_equal", List.of(all.get(0), all.get(1))),
                call(node, "$less_than_or_equal", List.of(all.get(0), all.get(2)))), SqlType.BOOLEAN);
        return negated(node, between.isNegated(), result);
    }

    private RowExpression in(Node node, Expression valueNode, InPredicate in) {
        if (!(in.getValueList() instanceof InListExpression list)) {
            throw analysis.errorAt(node, "Unsupported IN predicate");
        }
        List<RowExpression> arguments = new ArrayList<>();
        arguments.add(translate(valueNode));
        for (Expression value : list.getValues()) {
            arguments.add(translate(value));
        }
        arguments = coerceToCommon(node, arguments, "IN value and list items must be the same type");
        return negated(node, in.isNegated(), new SpecialForm(Form.IN, arguments, SqlType.BOOLEAN));
    }

    private RowExpression like(Node node, Expression valueNode, LikePredicate like) {
        if (like.getEscape().isPresent()) {
            throw analysis.errorAt(node, "LIKE ... ESCAPE is not supported");
        }
        RowExpression result = call(node, "$like", List.of(translate(valueNode), translate(like.getPattern())));
        return negated(node, like.isNegated(), result);
    }

    private RowExpression function(FunctionCall call) {
        String name = call.getName().getSuffix().toLowerCase(Locale.ROOT);
        FunctionResolver functions = analysis.functions();
        if (call.getWindow().isPresent()) {
            throw analysis.errorAt(call, "Window function " + name + " is not allowed here");
        }
        if (functions.isAggregate(name)) {
            throw analysis.errorAt(call, "Aggregate function " + name + " is not allowed here");
        }
        if (functions.isWindowFunction(name)) {
            throw analysis.errorAt(call, "Window function " + name + " requires an OVER clause");
        }
        if (call.argumentValues().stream().anyMatch(argument -> argument instanceof LambdaExpression)) {
            return lambdaCall(call, name);
        }
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression argument : call.argumentValues()) {
            arguments.add(translate(argument));
        }
        switch (name) {
            case "now" -> {
                requireArguments(call, arguments, 0);
                return new Constant(analysis.clock().now(), SqlType.TIMESTAMP);
            }
            case "current_timestamp" -> {
                return new Constant(analysis.clock().now(), SqlType.TIMESTAMP);
            }
            case "ago" -> {
                requireArguments(call, arguments, 1);
                return call(call, "$subtract", List.of(new Constant(analysis.clock().now(), SqlType.TIMESTAMP), arguments.getFirst()));
            }
            case "if" -> {
                if (arguments.size() < 2 || arguments.size() > 3) {
                    throw analysis.errorAt(call, "IF takes 2 or 3 arguments");
                }
                return conditional(call, arguments.get(0), arguments.get(1), arguments.size() == 3 ? arguments.get(2) : null);
            }
            case "coalesce" -> {
                List<RowExpression> coerced = coerceToCommon(call, arguments, "All COALESCE operands must be the same type");
                return new SpecialForm(Form.COALESCE, coerced, coerced.getFirst().type());
            }
            case "greatest", "least" -> {
                List<RowExpression> coerced = coerceToCommon(call, arguments, name + " arguments must be the same type");
                RowExpression result = coerced.getFirst();
                for (int index = 1; index < coerced.size(); index++) {
                    result = call(call, name, List.of(result, coerced.get(index)));
                }
                return result;
            }
            default -> {
                return call(call, name, arguments);
            }
        }
    }

    private void requireArguments(FunctionCall call, List<RowExpression> arguments, int count) {
        if (arguments.size() != count) {
            throw analysis.errorAt(call, "Function " + call.getName() + " takes " + count + " argument(s), " + arguments.size() + " given");
        }
    }

    private RowExpression cast(Cast cast) {
        RowExpression value = translate(cast.getExpression());
        SqlType target;
        try {
            target = SqlType.fromName(cast.getType().toString());
        } catch (ValidationException e) {
            throw analysis.errorAt(cast.getType(), e.getMessage());
        }
        if (value.type() == target) {
            return value;
        }
        try {
            analysis.functions().resolveCast(value.type(), target);
        } catch (ValidationException e) {
            throw analysis.errorAt(cast, e.getMessage());
        }
        return new Call(cast.isSafe() ? FunctionResolver.TRY_CAST : FunctionResolver.CAST, List.of(value), target);
    }

    private RowExpression searchedCase(SearchedCaseExpression searched) {
        List<RowExpression> conditions = new ArrayList<>();
        List<RowExpression> results = new ArrayList<>();
        for (WhenClause clause : searched.getWhenClauses()) {
            conditions.add(bool(clause.getOperand()));
            results.add(translate(clause.getResult()));
        }
        results.add(searched.getDefaultValue().map(this::translate).orElse(new Constant(null, SqlType.UNKNOWN)));
        return caseForm(searched, conditions, results);
    }

    private RowExpression simpleCase(SimpleCaseExpression simple) {
        RowExpression operand = translate(simple.getOperand());
        List<RowExpression> conditions = new ArrayList<>();
        List<RowExpression> results = new ArrayList<>();
        for (WhenClause clause : simple.getWhenClauses()) {
            List<RowExpression> pair = coerceToCommon(clause, List.of(operand, translate(clause.getOperand())),
                    "CASE operand and WHEN value must be the same type");
            conditions.add(call(clause, "$equal", pair));
            results.add(translate(clause.getResult()));
        }
        results.add(simple.getDefaultValue().map(this::translate).orElse(new Constant(null, SqlType.UNKNOWN)));
        return caseForm(simple, conditions, results);
    }

    private RowExpression caseForm(Node node, List<RowExpression> conditions, List<RowExpression> results) {
        List<RowExpression> coerced = coerceToCommon(node, results, "All CASE results must be the same type");
        List<RowExpression> arguments = new ArrayList<>();
        for (int index = 0; index < conditions.size(); index++) {
            arguments.add(conditions.get(index));
            arguments.add(coerced.get(index));
        }
        arguments.add(coerced.getLast());
        return new SpecialForm(Form.SEARCHED_CASE, arguments, coerced.getFirst().type());
    }

    private RowExpression ifExpression(IfExpression conditional) {
        return conditional(conditional, bool(conditional.getCondition()), translate(conditional.getTrueValue()),
                conditional.getFalseValue().map(this::translate).orElse(null));
    }

    private RowExpression conditional(Node node, RowExpression condition, RowExpression whenTrue, RowExpression whenFalse) {
        if (condition.type() != SqlType.BOOLEAN && condition.type() != SqlType.UNKNOWN) {
            throw analysis.errorAt(node, "IF condition must be a boolean: actual type " + typeName(condition.type()));
        }
        List<RowExpression> values = coerceToCommon(node, whenFalse == null ? List.of(whenTrue) : List.of(whenTrue, whenFalse),
                "IF results must be the same type");
        List<RowExpression> arguments = new ArrayList<>();
        arguments.add(coerce(condition, SqlType.BOOLEAN));
        arguments.addAll(values);
        return new SpecialForm(Form.IF, arguments, values.getFirst().type());
    }

    private RowExpression coalesce(CoalesceExpression coalesce) {
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression operand : coalesce.getOperands()) {
            arguments.add(translate(operand));
        }
        List<RowExpression> coerced = coerceToCommon(coalesce, arguments, "All COALESCE operands must be the same type");
        return new SpecialForm(Form.COALESCE, coerced, coerced.getFirst().type());
    }

    private RowExpression nullIf(NullIfExpression nullIf) {
        RowExpression first = translate(nullIf.getFirst());
        RowExpression second = translate(nullIf.getSecond());
        List<RowExpression> coerced = coerceToCommon(nullIf, List.of(first, second), "NULLIF operands must be the same type");
        return new SpecialForm(Form.NULL_IF, List.of(coerced.get(0), coerced.get(1)), first.type() == SqlType.UNKNOWN
                ? coerced.getFirst().type() : first.type());
    }

    /** A function or operator call, arguments coerced to the chosen signature. */
    RowExpression call(Node node, String name, List<RowExpression> arguments) {
        List<SqlType> types = arguments.stream().map(RowExpression::type).toList();
        ResolvedFunction function;
        try {
            function = analysis.functions().resolveScalar(name, types);
        } catch (ValidationException e) {
            throw analysis.errorAt(node, e.getMessage());
        }
        List<RowExpression> coerced = new ArrayList<>();
        for (int index = 0; index < arguments.size(); index++) {
            coerced.add(coerce(arguments.get(index), function.parameterTypes().get(index)));
        }
        return new Call(function.name(), coerced, function.returnType());
    }

    List<RowExpression> coerceToCommon(Node node, List<RowExpression> expressions, String message) {
        SqlType common = SqlType.UNKNOWN;
        for (RowExpression expression : expressions) {
            SqlType next = SqlType.commonSuperType(common, expression.type());
            if (next == null) {
                throw analysis.errorAt(node, message);
            }
            common = next;
        }
        SqlType target = common;
        return expressions.stream().map(expression -> coerce(expression, target)).toList();
    }

    static RowExpression coerce(RowExpression expression, SqlType target) {
        if (expression.type() == target) {
            return expression;
        }
        if (expression instanceof Constant constant && constant.value() == null) {
            return new Constant(null, target);
        }
        if (expression instanceof Constant constant && target == SqlType.DOUBLE && constant.value() instanceof Long value) {
            return new Constant(value.doubleValue(), SqlType.DOUBLE);
        }
        return new Call(FunctionResolver.CAST, List.of(expression), target);
    }

    static String typeName(SqlType type) {
        return switch (type.kind()) {
            case INTERVAL_DAY_TO_SECOND -> "interval day to second";
            case INTERVAL_YEAR_TO_MONTH -> "interval year to month";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

}
