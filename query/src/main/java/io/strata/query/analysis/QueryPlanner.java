package io.strata.query.analysis;

import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.ExpressionCompiler;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.RowExpression.Constant;
import io.strata.query.expression.RowExpression.InputReference;
import io.strata.query.expression.RowExpressions;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.plan.PlanNode;
import io.strata.query.plan.PlanNode.JoinType;
import io.strata.query.plan.PlanNode.SetOperationKind;
import io.strata.query.plan.SortKey;
import io.strata.query.plan.WindowCall;
import io.strata.query.plan.WindowFrame;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.AllRows;
import io.trino.sql.tree.ComparisonPredicate;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Except;
import io.trino.sql.tree.ExistsPredicate;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FetchFirst;
import io.trino.sql.tree.FrameBound;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GroupingElement;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.Intersect;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.JoinOn;
import io.trino.sql.tree.JoinUsing;
import io.trino.sql.tree.Limit;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Offset;
import io.trino.sql.tree.OrderBy;
import io.trino.sql.tree.Predicated;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Row;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SimpleGroupBy;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.SortItem;
import io.trino.sql.tree.SubqueryExpression;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Union;
import io.trino.sql.tree.Unnest;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.WindowSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Plans the relations and query specifications of one statement (see {@link QueryAnalyzer}). */
final class QueryPlanner {
    private final AnalysisContext context;
    private final ExpressionCompiler compiler;

    QueryPlanner(AnalysisContext context, ExpressionCompiler compiler) {
        this.context = context;
        this.compiler = compiler;
    }

    RelationPlan planQuery(Query query, CommonTableExpressions outer) {
        CommonTableExpressions visible = outer;
        if (query.getWith().isPresent()) {
            if (query.getWith().get().isRecursive()) {
                throw context.errorAt(query.getWith().get(), "WITH RECURSIVE is not supported");
            }
            visible = outer.with(query.getWith().get().getQueries());
        }
        RelationPlan body = planRelation(query.getQueryBody(), visible);
        if (query.getOrderBy().isEmpty() && query.getOffset().isEmpty() && query.getLimit().isEmpty()) {
            return body;
        }
        List<Expression> outputExpressions = new ArrayList<>();
        return orderAndLimit(body, body.scope().fields().size(), outputExpressions, Map.of(), body.scope(), null,
                query.getOrderBy(), query.getOffset(), query.getLimit(), false);
    }

    // ---------------------------------------------------------------- relations

    private RelationPlan planRelation(Relation relation, CommonTableExpressions ctes) {
        return switch (relation) {
            case Table table -> planTable(table, ctes);
            case AliasedRelation aliased -> planAliased(aliased, ctes);
            case TableSubquery subquery -> planQuery(subquery.getQuery(), ctes);
            case Join join -> planJoin(join, ctes);
            case QuerySpecification specification -> planSpecification(specification, ctes);
            case SetOperation setOperation -> planSetOperation(setOperation, ctes);
            case Values values -> planValues(values);
            case Unnest unnest -> planUnnest(singleRow(), unnest, null, List.of());
            default -> throw context.errorAt(relation, "Unsupported relation: " + relation.getClass().getSimpleName());
        };
    }

    private RelationPlan planTable(Table table, CommonTableExpressions ctes) {
        List<Identifier> parts = table.getName().getOriginalParts();
        if (parts.size() == 1) {
            Optional<CommonTableExpressions.WithQueryInScope> withQuery = ctes.find(parts.getFirst());
            if (withQuery.isEmpty()) {
                return planUnqualifiedTable(table, parts.getFirst().getValue());
            }
            RelationPlan plan = planQuery(withQuery.get().query().getQuery(), withQuery.get().visible());
            Scope scope = plan.scope();
            if (withQuery.get().query().getColumnNames().isPresent()) {
                scope = renameColumns(table, scope, withQuery.get().query().getColumnNames().get());
            }
            return new RelationPlan(plan.node(), scope.withRelation(parts.getFirst().getValue()));
        }
        if (parts.size() != 2) {
            throw context.errorAt(table, "Table name must be database.table: " + table.getName());
        }
        String database = parts.get(0).getValue();
        String tableName = parts.get(1).getValue();
        if (!context.catalog().databaseExists(database)) {
            throw context.errorAt(table, "Database '" + database + "' does not exist");
        }
        if (context.catalog().schema(database, tableName).isEmpty()) {
            throw context.errorAt(table, "Table '" + database + "." + tableName + "' does not exist");
        }
        return tableScan(database, tableName);
    }

    /** A bare table name: the table of that name if exactly one database has one. */
    private RelationPlan planUnqualifiedTable(Table table, String name) {
        List<String> databases = context.catalog().databases().stream()
                .filter(database -> context.catalog().schema(database, name).isPresent())
                .toList();
        if (databases.size() != 1) {
            throw context.errorAt(table, databases.isEmpty()
                    ? "Table '" + name + "' does not exist"
                    : "Table '" + name + "' exists in several databases " + databases + ": qualify it as database.table");
        }
        return tableScan(databases.getFirst(), name);
    }

    private RelationPlan tableScan(String database, String tableName) {
        TableSchema schema = context.catalog().schema(database, tableName).orElseThrow();
        PlanNode.TableScan scan = QueryAnalyzer.scan(new TableName(database, tableName), schema);
        List<Field> fields = new ArrayList<>();
        for (int index = 0; index < scan.spec().columns().size(); index++) {
            fields.add(Field.named(tableName, scan.spec().columns().get(index), scan.outputTypes().get(index)));
        }
        return new RelationPlan(scan, new Scope(fields));
    }

    private RelationPlan planAliased(AliasedRelation aliased, CommonTableExpressions ctes) {
        if (aliased.getRelation() instanceof Unnest unnest) {
            return planUnnest(singleRow(), unnest, aliased.getAlias().getValue(),
                    aliased.getColumnNames() == null ? List.of() : aliased.getColumnNames());
        }
        RelationPlan plan = planRelation(aliased.getRelation(), ctes);
        Scope scope = plan.scope();
        if (aliased.getColumnNames() != null && !aliased.getColumnNames().isEmpty()) {
            scope = renameColumns(aliased, scope, aliased.getColumnNames());
        }
        return new RelationPlan(plan.node(), scope.withRelation(aliased.getAlias().getValue()));
    }

    private Scope renameColumns(Node node, Scope scope, List<Identifier> names) {
        List<Field> visible = scope.fields();
        if (names.size() != visible.size()) {
            throw context.errorAt(node, "Column alias list has " + names.size() + " entries but relation has "
                    + visible.size() + " columns");
        }
        List<Field> renamed = new ArrayList<>();
        for (int index = 0; index < visible.size(); index++) {
            Field field = visible.get(index);
            renamed.add(new Field(field.relation(), Optional.of(names.get(index).getValue()), field.type(), true));
        }
        return new Scope(renamed);
    }

    private static RelationPlan singleRow() {
        return new RelationPlan(new PlanNode.Values(List.of(), List.of(List.of())), Scope.empty());
    }

    /**
     * {@code left CROSS JOIN UNNEST(collection) [AS alias (names)]}: the collection is computed
     * over the left row (a lateral reference) and each element becomes a row. A time series
     * unnests to {@code time} and {@code value}, an array of rows to the rows' fields, any other
     * array to one column.
     */
    private RelationPlan planUnnest(RelationPlan left, Unnest unnest, String alias, List<Identifier> names) {
        if (unnest.getExpressions().size() != 1) {
            throw context.errorAt(unnest, "UNNEST of more than one collection is not supported");
        }
        if (unnest.isWithOrdinality()) {
            throw context.errorAt(unnest, "UNNEST ... WITH ORDINALITY is not supported");
        }
        ExpressionTranslator translator = new ExpressionTranslator(context, left.scope(), Map.of(), null);
        Expression expression = unnest.getExpressions().getFirst();
        RowExpression collection = translator.translate(expression);
        SqlType type = collection.type();
        if (type.kind() != SqlType.Kind.ARRAY && type.kind() != SqlType.Kind.TIMESERIES) {
            throw context.errorAt(expression, "Cannot unnest type: " + ExpressionTranslator.typeName(type));
        }
        List<SqlType> elementTypes = PlanNode.Unnest.elementTypes(type);
        List<String> defaultNames = type.kind() == SqlType.Kind.TIMESERIES ? List.of("time", "value")
                : type.elementType().kind() == SqlType.Kind.ROW ? type.elementType().fieldNames() : java.util.Collections.nCopies(1, "");
        if (!names.isEmpty() && names.size() != elementTypes.size()) {
            throw context.errorAt(unnest, "Column alias list has " + names.size() + " entries but UNNEST has "
                    + elementTypes.size() + " columns");
        }
        List<RowExpression> projection = identity(left.node().outputTypes());
        projection.add(collection);
        PlanNode node = new PlanNode.Unnest(new PlanNode.Project(left.node(), projection), projection.size() - 1, elementTypes);
        List<Field> fields = new ArrayList<>(left.scope().fields());
        fields.add(Field.hidden(type));
        for (int index = 0; index < elementTypes.size(); index++) {
            String name = names.isEmpty() ? defaultNames.get(index) : names.get(index).getValue();
            fields.add(new Field(Optional.ofNullable(alias), name.isEmpty() ? Optional.empty() : Optional.of(name),
                    elementTypes.get(index), true));
        }
        return new RelationPlan(node, new Scope(fields));
    }

    private RelationPlan planJoin(Join join, CommonTableExpressions ctes) {
        Relation unnestSide = join.getRight() instanceof AliasedRelation aliased ? aliased.getRelation() : join.getRight();
        if (unnestSide instanceof Unnest unnest) {
            if (join.getType() != Join.Type.CROSS && join.getType() != Join.Type.IMPLICIT) {
                throw context.errorAt(join, "UNNEST is only supported in CROSS JOIN or a comma join");
            }
            AliasedRelation aliased = join.getRight() instanceof AliasedRelation a ? a : null;
            return planUnnest(planRelation(join.getLeft(), ctes), unnest, aliased == null ? null : aliased.getAlias().getValue(),
                    aliased == null || aliased.getColumnNames() == null ? List.of() : aliased.getColumnNames());
        }
        RelationPlan left = planRelation(join.getLeft(), ctes);
        RelationPlan right = planRelation(join.getRight(), ctes);
        int leftWidth = left.scope().fields().size();
        int rightWidth = right.scope().fields().size();
        JoinType type = switch (join.getType()) {
            case CROSS, IMPLICIT -> JoinType.CROSS;
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
        };
        Scope combined = left.scope().append(right.scope().fields());
        List<RowExpression> leftKeys = new ArrayList<>();
        List<RowExpression> rightKeys = new ArrayList<>();
        List<RowExpression> residual = new ArrayList<>();
        if (join.getCriteria().isPresent()) {
            switch (join.getCriteria().get()) {
                case JoinOn on -> {
                    ExpressionTranslator translator = new ExpressionTranslator(context, combined, Map.of(), null);
                    for (Expression conjunct : conjuncts(on.getExpression())) {
                        if (!equiKey(conjunct, translator, leftWidth, leftKeys, rightKeys)) {
                            residual.add(translator.translateBoolean(conjunct, "JOIN ON clause"));
                        }
                    }
                }
                case JoinUsing using -> {
                    List<Field> rightFields = new ArrayList<>(right.scope().fields());
                    for (Identifier column : using.getColumns()) {
                        List<Integer> leftChannel = left.scope().resolve(Optional.empty(), column.getValue(), column.isDelimited());
                        List<Integer> rightChannel = right.scope().resolve(Optional.empty(), column.getValue(), column.isDelimited());
                        if (leftChannel.size() != 1 || rightChannel.size() != 1) {
                            throw context.errorAt(column, "Column '" + column.getValue() + "' is missing or ambiguous in USING");
                        }
                        SqlType leftType = left.scope().fields().get(leftChannel.getFirst()).type();
                        SqlType rightType = right.scope().fields().get(rightChannel.getFirst()).type();
                        SqlType common = SqlType.commonSuperType(leftType, rightType);
                        if (common == null) {
                            throw context.errorAt(column, "Column types of USING column '" + column.getValue() + "' do not match");
                        }
                        leftKeys.add(ExpressionTranslator.coerce(new InputReference(leftChannel.getFirst(), leftType), common));
                        rightKeys.add(ExpressionTranslator.coerce(new InputReference(rightChannel.getFirst() + leftWidth, rightType), common));
                        Field hidden = rightFields.get(rightChannel.getFirst());
                        rightFields.set(rightChannel.getFirst(), new Field(hidden.relation(), hidden.name(), hidden.type(), false));
                    }
                    combined = left.scope().append(rightFields);
                }
                default -> throw context.errorAt(join, "NATURAL JOIN is not supported");
            }
        }
        if (type == JoinType.CROSS && (!leftKeys.isEmpty() || !residual.isEmpty())) {
            type = JoinType.INNER;
        }
        // Key expressions are computed by projections under each side; the residual sees them too.
        int leftKeyCount = leftKeys.size();
        List<RowExpression> leftProjection = identity(left.node().outputTypes());
        List<Integer> leftKeyChannels = new ArrayList<>();
        for (RowExpression key : leftKeys) {
            leftKeyChannels.add(leftProjection.size());
            leftProjection.add(key);
        }
        List<RowExpression> rightProjection = identity(right.node().outputTypes());
        List<Integer> rightKeyChannels = new ArrayList<>();
        for (RowExpression key : rightKeys) {
            rightKeyChannels.add(rightProjection.size());
            rightProjection.add(RowExpressions.remap(key, channel -> channel - leftWidth));
        }
        PlanNode leftNode = leftKeyCount == 0 ? left.node() : new PlanNode.Project(left.node(), leftProjection);
        PlanNode rightNode = leftKeyCount == 0 ? right.node() : new PlanNode.Project(right.node(), rightProjection);
        RowExpression residualExpression = residual.isEmpty() ? null : RowExpressions.remap(RowExpressions.and(residual),
                channel -> channel < leftWidth ? channel : channel + leftKeyCount);
        PlanNode joined = new PlanNode.Join(type, leftNode, rightNode, leftKeyChannels, rightKeyChannels, residualExpression);
        if (leftKeyCount > 0) {
            List<RowExpression> output = new ArrayList<>();
            List<SqlType> types = joined.outputTypes();
            for (int channel = 0; channel < leftWidth; channel++) {
                output.add(new InputReference(channel, types.get(channel)));
            }
            for (int channel = 0; channel < rightWidth; channel++) {
                int source = leftWidth + leftKeyCount + channel;
                output.add(new InputReference(source, types.get(source)));
            }
            joined = new PlanNode.Project(joined, output);
        }
        return new RelationPlan(joined, combined);
    }

    /** Whether {@code conjunct} is {@code leftExpression = rightExpression} across the two sides; adds the keys. */
    private boolean equiKey(Expression conjunct, ExpressionTranslator translator, int leftWidth,
                            List<RowExpression> leftKeys, List<RowExpression> rightKeys) {
        if (!(conjunct instanceof Predicated predicated) || !(predicated.getPredicate() instanceof ComparisonPredicate comparison)
                || comparison.getOperator() != ComparisonPredicate.Operator.EQUAL) {
            return false;
        }
        RowExpression first = translator.translate(predicated.getValue());
        RowExpression second = translator.translate(comparison.getRight());
        Set<Integer> firstChannels = channels(first);
        Set<Integer> secondChannels = channels(second);
        if (firstChannels.isEmpty() || secondChannels.isEmpty()) {
            return false;
        }
        boolean firstLeft = firstChannels.stream().allMatch(channel -> channel < leftWidth);
        boolean firstRight = firstChannels.stream().allMatch(channel -> channel >= leftWidth);
        boolean secondLeft = secondChannels.stream().allMatch(channel -> channel < leftWidth);
        boolean secondRight = secondChannels.stream().allMatch(channel -> channel >= leftWidth);
        if (!((firstLeft && secondRight) || (firstRight && secondLeft))) {
            return false;
        }
        SqlType common = SqlType.commonSuperType(first.type(), second.type());
        if (common == null) {
            return false; // the residual reports the type error
        }
        RowExpression leftKey = ExpressionTranslator.coerce(firstLeft ? first : second, common);
        RowExpression rightKey = ExpressionTranslator.coerce(firstLeft ? second : first, common);
        leftKeys.add(leftKey);
        rightKeys.add(rightKey);
        return true;
    }

    private static Set<Integer> channels(RowExpression expression) {
        Set<Integer> channels = new HashSet<>();
        RowExpressions.collectChannels(expression, channels);
        return channels;
    }

    private static List<Expression> conjuncts(Expression expression) {
        List<Expression> result = new ArrayList<>();
        if (expression instanceof LogicalExpression logical && logical.getOperator() == LogicalExpression.Operator.AND) {
            logical.getTerms().forEach(term -> result.addAll(conjuncts(term)));
        } else {
            result.add(expression);
        }
        return result;
    }

    private static List<RowExpression> identity(List<SqlType> types) {
        List<RowExpression> expressions = new ArrayList<>();
        for (int channel = 0; channel < types.size(); channel++) {
            expressions.add(new InputReference(channel, types.get(channel)));
        }
        return expressions;
    }

    private RelationPlan planSetOperation(SetOperation operation, CommonTableExpressions ctes) {
        if (operation.getCorresponding().isPresent()) {
            throw context.errorAt(operation, "CORRESPONDING is not supported");
        }
        List<RelationPlan> inputs = new ArrayList<>();
        for (Relation relation : operation.getRelations()) {
            inputs.add(planRelation(relation, ctes));
        }
        int width = inputs.getFirst().scope().fields().size();
        List<SqlType> types = new ArrayList<>(inputs.getFirst().node().outputTypes());
        for (int index = 1; index < inputs.size(); index++) {
            List<SqlType> other = inputs.get(index).node().outputTypes();
            if (other.size() != width) {
                throw context.errorAt(operation, setOperationName(operation) + " query has different number of fields: "
                        + width + ", " + other.size());
            }
            for (int channel = 0; channel < width; channel++) {
                SqlType common = SqlType.commonSuperType(types.get(channel), other.get(channel));
                if (common == null) {
                    throw context.errorAt(operation, "column " + (channel + 1) + " in " + setOperationName(operation)
                            + " query has incompatible types: " + ExpressionTranslator.typeName(types.get(channel)) + ", "
                            + ExpressionTranslator.typeName(other.get(channel)));
                }
                types.set(channel, common);
            }
        }
        List<PlanNode> nodes = new ArrayList<>();
        for (RelationPlan input : inputs) {
            nodes.add(coerceOutputs(input.node(), types));
        }
        SetOperationKind kind = switch (operation) {
            case Union ignored -> SetOperationKind.UNION;
            case Intersect ignored -> SetOperationKind.INTERSECT;
            case Except ignored -> SetOperationKind.EXCEPT;
            default -> throw context.errorAt(operation, "Unsupported set operation");
        };
        List<Field> fields = new ArrayList<>();
        for (int channel = 0; channel < width; channel++) {
            fields.add(new Field(Optional.empty(), inputs.getFirst().scope().fields().get(channel).name(), types.get(channel), true));
        }
        return new RelationPlan(new PlanNode.SetOperation(kind, operation.isDistinct(), nodes), new Scope(fields));
    }

    private static String setOperationName(SetOperation operation) {
        return operation.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    private static PlanNode coerceOutputs(PlanNode node, List<SqlType> types) {
        if (node.outputTypes().equals(types)) {
            return node;
        }
        List<RowExpression> expressions = new ArrayList<>();
        for (int channel = 0; channel < types.size(); channel++) {
            expressions.add(ExpressionTranslator.coerce(new InputReference(channel, node.outputTypes().get(channel)), types.get(channel)));
        }
        return new PlanNode.Project(node, expressions);
    }

    private RelationPlan planValues(Values values) {
        ExpressionTranslator translator = new ExpressionTranslator(context, Scope.empty(), Map.of(), null);
        List<List<RowExpression>> rows = new ArrayList<>();
        for (Expression row : values.getRows()) {
            List<RowExpression> cells = new ArrayList<>();
            if (row instanceof Row fields) {
                fields.getFields().forEach(field -> cells.add(translator.translate(field.getExpression())));
            } else {
                cells.add(translator.translate(row));
            }
            if (!rows.isEmpty() && rows.getFirst().size() != cells.size()) {
                throw context.errorAt(row, "Values rows have mismatched sizes");
            }
            rows.add(cells);
        }
        int width = rows.getFirst().size();
        List<SqlType> types = new ArrayList<>();
        for (int channel = 0; channel < width; channel++) {
            SqlType common = SqlType.UNKNOWN;
            for (List<RowExpression> row : rows) {
                SqlType next = SqlType.commonSuperType(common, row.get(channel).type());
                if (next == null) {
                    throw context.errorAt(values, "Values rows have mismatched types");
                }
                common = next;
            }
            types.add(common);
        }
        List<List<Object>> literalRows = new ArrayList<>();
        for (List<RowExpression> row : rows) {
            List<Object> literal = new ArrayList<>();
            for (int channel = 0; channel < width; channel++) {
                RowExpression cell = ExpressionTranslator.coerce(row.get(channel), types.get(channel));
                literal.add(RowExpressions.evaluateConstant(cell, compiler).value());
            }
            literalRows.add(literal);
        }
        List<Field> fields = new ArrayList<>();
        for (SqlType type : types) {
            fields.add(new Field(Optional.empty(), Optional.empty(), type, true));
        }
        return new RelationPlan(new PlanNode.Values(types, literalRows), new Scope(fields));
    }

    // ---------------------------------------------------------------- query specification

    private RelationPlan planSpecification(QuerySpecification specification, CommonTableExpressions ctes) {
        RelationPlan source = specification.getFrom().isPresent()
                ? planRelation(specification.getFrom().get(), ctes)
                : new RelationPlan(new PlanNode.Values(List.of(), List.of(List.of())), Scope.empty());
        Map<Expression, Integer> computed = new HashMap<>();
        if (specification.getWhere().isPresent()) {
            Expression where = specification.getWhere().get();
            source = planSubqueries(source, where, computed, ctes);
            ExpressionTranslator translator = new ExpressionTranslator(context, source.scope(), computed, null);
            RowExpression predicate = RowExpressions.foldConstants(translator.translateBoolean(where, "WHERE clause"), compiler);
            source = new RelationPlan(new PlanNode.Filter(source.node(), predicate), source.scope());
        }

        List<Expression> selectExpressions = new ArrayList<>();
        for (SelectItem item : specification.getSelect().getSelectItems()) {
            if (item instanceof SingleColumn column) {
                selectExpressions.add(column.getExpression());
            }
        }
        List<FunctionCall> aggregates = new ArrayList<>();
        selectExpressions.forEach(expression -> AstSearch.aggregates(expression, context.functions(), aggregates));
        specification.getHaving().ifPresent(having -> AstSearch.aggregates(having, context.functions(), aggregates));
        specification.getOrderBy().ifPresent(orderBy -> orderBy.getSortItems()
                .forEach(item -> AstSearch.aggregates(item.getSortKey(), context.functions(), aggregates)));
        // Window calls' arguments may hold aggregates too: sum(sum(x)) OVER (...)
        Scope groupedSource = null;
        if (specification.getGroupBy().isPresent() || !aggregates.isEmpty()) {
            groupedSource = source.scope();
            source = planAggregation(specification, source, aggregates, selectExpressions, computed);
        } else if (specification.getHaving().isPresent()) {
            throw context.errorAt(specification.getHaving().get(), "HAVING requires GROUP BY or an aggregate");
        }
        if (specification.getHaving().isPresent()) {
            ExpressionTranslator translator = new ExpressionTranslator(context, source.scope(), computed, groupedSource);
            RowExpression predicate = translator.translateBoolean(specification.getHaving().get(), "HAVING clause");
            source = new RelationPlan(new PlanNode.Filter(source.node(), predicate), source.scope());
        }

        List<FunctionCall> windowCalls = new ArrayList<>();
        selectExpressions.forEach(expression -> AstSearch.windowCalls(expression, windowCalls));
        specification.getOrderBy().ifPresent(orderBy -> orderBy.getSortItems()
                .forEach(item -> AstSearch.windowCalls(item.getSortKey(), windowCalls)));
        for (FunctionCall call : windowCalls) {
            source = planWindow(call, source, computed, groupedSource);
        }

        ExpressionTranslator translator = new ExpressionTranslator(context, source.scope(), computed, groupedSource);
        List<RowExpression> outputs = new ArrayList<>();
        List<Field> outputFields = new ArrayList<>();
        List<Expression> outputExpressions = new ArrayList<>();
        for (SelectItem item : specification.getSelect().getSelectItems()) {
            switch (item) {
                case AllColumns all -> {
                    if (groupedSource != null) {
                        throw context.errorAt(all, "SELECT * is not allowed with GROUP BY or aggregates");
                    }
                    Optional<String> relation = all.getTarget().map(target -> target.toString().replace("\"", ""));
                    boolean any = false;
                    for (int channel = 0; channel < source.scope().fields().size(); channel++) {
                        Field field = source.scope().fields().get(channel);
                        if (field.name().isEmpty() || (!field.visible() && relation.isEmpty())) {
                            continue;
                        }
                        if (relation.isPresent() && (field.relation().isEmpty()
                                || !field.relation().get().equalsIgnoreCase(relation.get()))) {
                            continue;
                        }
                        any = true;
                        outputs.add(new InputReference(channel, field.type()));
                        outputFields.add(Field.named(field.relation().orElse(null), field.name().get(), field.type()));
                        outputExpressions.add(null);
                    }
                    if (!any && relation.isPresent()) {
                        throw context.errorAt(all, "Relation '" + relation.get() + "' cannot be resolved");
                    }
                }
                case SingleColumn column -> {
                    RowExpression expression = translator.translate(column.getExpression());
                    outputs.add(expression);
                    Optional<String> name = column.getAlias().map(Identifier::getValue).or(() -> derivedName(column.getExpression()));
                    Optional<String> relation = column.getAlias().isPresent() ? Optional.empty() : derivedRelation(column.getExpression());
                    outputFields.add(new Field(relation, name, expression.type(), true));
                    outputExpressions.add(column.getExpression());
                }
                default -> throw context.errorAt(item, "Unsupported select item");
            }
        }
        int outputWidth = outputs.size();
        PlanNode projected = new PlanNode.Project(source.node(), outputs);
        RelationPlan output = new RelationPlan(projected, new Scope(outputFields));
        return orderAndLimit(output, outputWidth, outputExpressions, computed, source.scope(), groupedSource,
                specification.getOrderBy(), specification.getOffset(), specification.getLimit(),
                specification.getSelect().isDistinct());
    }

    private static Optional<String> derivedName(Expression expression) {
        return switch (expression) {
            case Identifier identifier when !identifier.getValue().startsWith("@") -> Optional.of(identifier.getValue());
            case DereferenceExpression dereference -> dereference.getField().map(Identifier::getValue);
            default -> Optional.empty();
        };
    }

    private static Optional<String> derivedRelation(Expression expression) {
        if (expression instanceof DereferenceExpression dereference && dereference.getBase() instanceof Identifier base) {
            return Optional.of(base.getValue());
        }
        return Optional.empty();
    }

    /**
     * ORDER BY over the projected output (by ordinal, output name, select expression, or any
     * expression of the projection's input, computed as a hidden column), then DISTINCT, OFFSET
     * and LIMIT; hidden columns are dropped at the end.
     */
    private RelationPlan orderAndLimit(RelationPlan output, int outputWidth, List<Expression> outputExpressions,
                                       Map<Expression, Integer> computed, Scope inputScope, Scope groupedSource,
                                       Optional<OrderBy> orderBy, Optional<Offset> offset, Optional<Node> limit,
                                       boolean distinct) {
        PlanNode node = output.node();
        List<SortKey> keys = new ArrayList<>();
        List<RowExpression> hidden = new ArrayList<>();
        if (orderBy.isPresent()) {
            for (SortItem item : orderBy.get().getSortItems()) {
                int channel = sortChannel(item.getSortKey(), output.scope(), outputWidth, outputExpressions);
                if (channel < 0) {
                    if (distinct) {
                        throw context.errorAt(item.getSortKey(), "For SELECT DISTINCT, ORDER BY expressions must appear in select list");
                    }
                    if (!(node instanceof PlanNode.Project project)) {
                        throw context.errorAt(item.getSortKey(), "ORDER BY expression must be an output column");
                    }
                    ExpressionTranslator translator = new ExpressionTranslator(context, inputScope, computed, groupedSource);
                    RowExpression expression = translator.translate(item.getSortKey());
                    if (!expression.type().isOrderable()) {
                        throw context.errorAt(item.getSortKey(), "Type " + expression.type() + " is not orderable");
                    }
                    channel = project.expressions().size() + hidden.size();
                    hidden.add(expression);
                }
                boolean ascending = item.getOrdering() != SortItem.Ordering.DESCENDING;
                boolean nullsFirst = item.getNullOrdering() == SortItem.NullOrdering.FIRST;
                keys.add(new SortKey(channel, ascending, nullsFirst));
            }
        }
        if (!hidden.isEmpty()) {
            PlanNode.Project project = (PlanNode.Project) node;
            List<RowExpression> expressions = new ArrayList<>(project.expressions());
            expressions.addAll(hidden);
            node = new PlanNode.Project(project.source(), expressions);
        }
        if (distinct) {
            List<Integer> all = new ArrayList<>();
            for (int channel = 0; channel < outputWidth; channel++) {
                all.add(channel);
            }
            node = QueryAnalyzer.aggregate(node, all, List.of(), List.of(), List.of());
        }
        long offsetRows = offset.map(value -> rowCount(value.getRowCount())).orElse(0L);
        OptionalLong count = limit.map(this::limitCount).orElse(OptionalLong.empty());
        if (!keys.isEmpty()) {
            OptionalLong topN = count.isPresent() ? OptionalLong.of(count.getAsLong() + offsetRows) : OptionalLong.empty();
            node = new PlanNode.Sort(node, keys, topN);
        }
        if (offsetRows > 0 || count.isPresent()) {
            node = new PlanNode.Limit(node, offsetRows, count);
        }
        if (node.outputTypes().size() != outputWidth) {
            node = new PlanNode.Project(node, identity(node.outputTypes().subList(0, outputWidth)));
        }
        return new RelationPlan(node, output.scope());
    }

    private int sortChannel(Expression key, Scope outputScope, int outputWidth, List<Expression> outputExpressions) {
        if (key instanceof LongLiteral ordinal) {
            long position = ordinal.getParsedValue();
            if (position < 1 || position > outputWidth) {
                throw context.errorAt(key, "ORDER BY position " + position + " is not in select list");
            }
            return (int) position - 1;
        }
        if (key instanceof Identifier identifier) {
            List<Integer> matches = new ArrayList<>();
            for (int channel = 0; channel < outputWidth; channel++) {
                Optional<String> name = outputScope.fields().get(channel).name();
                if (name.isPresent() && (identifier.isDelimited() ? name.get().equals(identifier.getValue())
                        : name.get().equalsIgnoreCase(identifier.getValue()))) {
                    matches.add(channel);
                }
            }
            if (matches.size() == 1) {
                return matches.getFirst();
            }
        }
        for (int channel = 0; channel < outputExpressions.size() && channel < outputWidth; channel++) {
            if (key.equals(outputExpressions.get(channel))) {
                return channel;
            }
        }
        return -1;
    }

    private long rowCount(Expression expression) {
        if (expression instanceof LongLiteral literal && literal.getParsedValue() >= 0) {
            return literal.getParsedValue();
        }
        throw context.errorAt(expression, "Row count must be a non-negative integer literal");
    }

    private OptionalLong limitCount(Node limit) {
        return switch (limit) {
            case Limit value when value.getRowCount() instanceof AllRows -> OptionalLong.empty();
            case Limit value -> OptionalLong.of(rowCount(value.getRowCount()));
            case FetchFirst fetch -> {
                if (fetch.isWithTies()) {
                    throw context.errorAt(fetch, "FETCH FIRST ... WITH TIES is not supported");
                }
                yield OptionalLong.of(fetch.getRowCount().map(this::rowCount).orElse(1L));
            }
            default -> throw context.errorAt(limit, "Unsupported LIMIT");
        };
    }

    // ---------------------------------------------------------------- aggregation

    private RelationPlan planAggregation(QuerySpecification specification, RelationPlan source, List<FunctionCall> aggregates,
                                         List<Expression> selectExpressions, Map<Expression, Integer> computed) {
        List<Expression> groupExpressions = new ArrayList<>();
        if (specification.getGroupBy().isPresent()) {
            if (specification.getGroupBy().get().isDistinct()) {
                throw context.errorAt(specification.getGroupBy().get(), "GROUP BY DISTINCT is not supported");
            }
            for (GroupingElement element : specification.getGroupBy().get().getGroupingElements()) {
                if (!(element instanceof SimpleGroupBy simple)) {
                    throw context.errorAt(element, "Only simple GROUP BY expressions are supported (no ROLLUP, CUBE, GROUPING SETS)");
                }
                for (Expression expression : simple.getExpressions()) {
                    Expression resolved = expression;
                    if (expression instanceof LongLiteral ordinal) {
                        long position = ordinal.getParsedValue();
                        if (position < 1 || position > selectExpressions.size()) {
                            throw context.errorAt(expression, "GROUP BY position " + position + " is not in select list");
                        }
                        resolved = selectExpressions.get((int) position - 1);
                    }
                    if (!groupExpressions.contains(resolved)) {
                        groupExpressions.add(resolved);
                    }
                }
            }
        }
        ExpressionTranslator translator = new ExpressionTranslator(context, source.scope(), computed, null);
        List<RowExpression> projection = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (Expression expression : groupExpressions) {
            RowExpression translated = translator.translate(expression);
            projection.add(translated);
            Field field = Field.hidden(translated.type());
            if (translated instanceof InputReference reference) {
                Field original = source.scope().fields().get(reference.channel());
                field = new Field(original.relation(), original.name(), original.type(), original.visible());
            }
            fields.add(field);
        }
        List<AggregateFunction> functions = new ArrayList<>();
        List<List<Integer>> inputs = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        for (FunctionCall call : aggregates) {
            String name = call.getName().getSuffix().toLowerCase(Locale.ROOT);
            if (call.getFilter().isPresent() || call.getOrderBy().isPresent()) {
                throw context.errorAt(call, "FILTER and ORDER BY in aggregate calls are not supported");
            }
            List<RowExpression> arguments = new ArrayList<>();
            for (Expression argument : call.argumentValues()) {
                List<FunctionCall> nested = new ArrayList<>();
                AstSearch.aggregates(argument, context.functions(), nested);
                if (!nested.isEmpty()) {
                    throw context.errorAt(nested.getFirst(), "Cannot nest aggregations inside aggregation '" + name + "'");
                }
                arguments.add(translator.translate(argument));
            }
            List<SqlType> actual = arguments.stream().map(RowExpression::type).toList();
            List<SqlType> wanted = context.functions().aggregateArgumentTypes(name, actual);
            AggregateFunction function = context.functions().resolveAggregate(name, wanted)
                    .orElseThrow(() -> context.errorAt(call, "Unexpected parameters (" + String.join(", ",
                            actual.stream().map(ExpressionTranslator::typeName).toList()) + ") for function " + name));
            List<Integer> channels = new ArrayList<>();
            for (int index = 0; index < arguments.size(); index++) {
                channels.add(projection.size());
                projection.add(ExpressionTranslator.coerce(arguments.get(index), wanted.get(index)));
            }
            functions.add(function);
            inputs.add(channels);
            distinct.add(call.isDistinct());
        }
        PlanNode projected = new PlanNode.Project(source.node(), projection);
        List<Integer> groupChannels = new ArrayList<>();
        for (int channel = 0; channel < groupExpressions.size(); channel++) {
            groupChannels.add(channel);
        }
        PlanNode.Aggregate aggregate = QueryAnalyzer.aggregate(projected, groupChannels, functions, inputs, distinct);
        computed.clear();
        for (int index = 0; index < groupExpressions.size(); index++) {
            computed.put(groupExpressions.get(index), index);
        }
        for (int index = 0; index < aggregates.size(); index++) {
            computed.put(aggregates.get(index), groupExpressions.size() + index);
            fields.add(Field.hidden(functions.get(index).outputType()));
        }
        return new RelationPlan(aggregate, new Scope(fields));
    }

    // ---------------------------------------------------------------- windows

    private RelationPlan planWindow(FunctionCall call, RelationPlan source, Map<Expression, Integer> computed, Scope groupedSource) {
        WindowSpecification specification = switch (call.getWindow().get()) {
            case WindowSpecification inline -> inline;
            default -> throw context.errorAt(call, "Named windows are not supported");
        };
        if (specification.getExistingWindowName().isPresent()) {
            throw context.errorAt(call, "Named windows are not supported");
        }
        String name = call.getName().getSuffix().toLowerCase(Locale.ROOT);
        ExpressionTranslator translator = new ExpressionTranslator(context, source.scope(), computed, groupedSource);
        List<SqlType> inputTypes = source.node().outputTypes();
        List<RowExpression> projection = identity(inputTypes);
        List<Field> fields = new ArrayList<>(source.scope().fields());
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression argument : call.argumentValues()) {
            arguments.add(translator.translate(argument));
        }
        long offset = 1;
        SqlType outputType;
        List<RowExpression> channelArguments = new ArrayList<>();
        boolean isAggregate = context.functions().isAggregate(name);
        switch (name) {
            case "row_number", "rank", "dense_rank" -> outputType = SqlType.BIGINT;
            case "percent_rank", "cume_dist" -> outputType = SqlType.DOUBLE;
            case "ntile" -> {
                offset = constantLong(call, arguments, 0);
                outputType = SqlType.BIGINT;
            }
            case "lag", "lead" -> {
                requireArguments(call, arguments, 1, 3);
                if (arguments.size() > 1) {
                    offset = constantLong(call, arguments, 1);
                }
                outputType = arguments.getFirst().type();
                channelArguments.add(arguments.getFirst());
                if (arguments.size() > 2) {
                    channelArguments.add(ExpressionTranslator.coerce(arguments.get(2), outputType));
                }
            }
            case "first_value", "last_value" -> {
                requireArguments(call, arguments, 1, 1);
                outputType = arguments.getFirst().type();
                channelArguments.add(arguments.getFirst());
            }
            case "nth_value" -> {
                requireArguments(call, arguments, 2, 2);
                offset = constantLong(call, arguments, 1);
                outputType = arguments.getFirst().type();
                channelArguments.add(arguments.getFirst());
            }
            default -> {
                if (!isAggregate) {
                    throw context.errorAt(call, "Function " + name + " is not a window function");
                }
                List<SqlType> actual = arguments.stream().map(RowExpression::type).toList();
                List<SqlType> wanted = context.functions().aggregateArgumentTypes(name, actual);
                AggregateFunction function = context.functions().resolveAggregate(name, wanted)
                        .orElseThrow(() -> context.errorAt(call, "Unexpected parameters for window function " + name));
                outputType = function.outputType();
                for (int index = 0; index < arguments.size(); index++) {
                    channelArguments.add(ExpressionTranslator.coerce(arguments.get(index), wanted.get(index)));
                }
            }
        }
        List<Integer> argumentChannels = new ArrayList<>();
        for (RowExpression argument : channelArguments) {
            argumentChannels.add(projection.size());
            projection.add(argument);
            fields.add(Field.hidden(argument.type()));
        }
        List<Integer> partitionChannels = new ArrayList<>();
        for (Expression partition : specification.getPartitionBy()) {
            partitionChannels.add(projection.size());
            RowExpression expression = translator.translate(partition);
            projection.add(expression);
            fields.add(Field.hidden(expression.type()));
        }
        List<SortKey> order = new ArrayList<>();
        if (specification.getOrderBy().isPresent()) {
            for (SortItem item : specification.getOrderBy().get().getSortItems()) {
                RowExpression expression = translator.translate(item.getSortKey());
                order.add(new SortKey(projection.size(), item.getOrdering() != SortItem.Ordering.DESCENDING,
                        item.getNullOrdering() == SortItem.NullOrdering.FIRST));
                projection.add(expression);
                fields.add(Field.hidden(expression.type()));
            }
        }
        WindowFrame frame = specification.getFrame().map(this::frame)
                .orElse(order.isEmpty() && isAggregate ? WindowFrame.WHOLE_PARTITION : WindowFrame.DEFAULT);
        if (name.equals("last_value") || name.equals("first_value") || name.equals("nth_value")) {
            frame = specification.getFrame().map(this::frame).orElse(order.isEmpty() ? WindowFrame.WHOLE_PARTITION : WindowFrame.DEFAULT);
        }
        WindowCall windowCall = new WindowCall(name, channelArguments.stream().map(RowExpression::type).toList(),
                argumentChannels, outputType, frame, offset);
        PlanNode projected = new PlanNode.Project(source.node(), projection);
        PlanNode window = new PlanNode.Window(projected, partitionChannels, order, List.of(windowCall));
        computed.put(call, fields.size());
        fields.add(Field.hidden(outputType));
        return new RelationPlan(window, new Scope(fields));
    }

    private void requireArguments(FunctionCall call, List<RowExpression> arguments, int minimum, int maximum) {
        if (arguments.size() < minimum || arguments.size() > maximum) {
            throw context.errorAt(call, "Wrong number of arguments for " + call.getName());
        }
    }

    private long constantLong(FunctionCall call, List<RowExpression> arguments, int index) {
        if (arguments.size() <= index || !(RowExpressions.foldConstants(arguments.get(index), compiler) instanceof Constant constant)
                || !(constant.value() instanceof Long value) || value < 0) {
            throw context.errorAt(call, "Argument " + (index + 1) + " of " + call.getName() + " must be a non-negative integer constant");
        }
        return value;
    }

    private WindowFrame frame(io.trino.sql.tree.WindowFrame frame) {
        boolean rows = frame.getType() == io.trino.sql.tree.WindowFrame.Type.ROWS;
        if (frame.getType() == io.trino.sql.tree.WindowFrame.Type.GROUPS) {
            throw context.errorAt(frame, "GROUPS frames are not supported");
        }
        FrameBound start = frame.getStart();
        FrameBound end = frame.getEnd().orElse(new FrameBound(frame.getLocation().orElseThrow(), FrameBound.Type.CURRENT_ROW));
        return new WindowFrame(rows, bound(start), boundOffset(start), bound(end), boundOffset(end));
    }

    private static WindowFrame.Bound bound(FrameBound bound) {
        return switch (bound.getType()) {
            case UNBOUNDED_PRECEDING -> WindowFrame.Bound.UNBOUNDED_PRECEDING;
            case PRECEDING -> WindowFrame.Bound.PRECEDING;
            case CURRENT_ROW -> WindowFrame.Bound.CURRENT_ROW;
            case FOLLOWING -> WindowFrame.Bound.FOLLOWING;
            case UNBOUNDED_FOLLOWING -> WindowFrame.Bound.UNBOUNDED_FOLLOWING;
        };
    }

    private long boundOffset(FrameBound bound) {
        if (bound.getValue().isEmpty()) {
            return 0;
        }
        return rowCount(bound.getValue().get());
    }

    // ---------------------------------------------------------------- subqueries

    /**
     * Plans the subqueries of {@code expression} (uncorrelated): IN (subquery) as a semi join,
     * EXISTS as a cross join with "count(*) > 0", a scalar subquery as a cross join with its
     * single row. Each result becomes a hidden channel recorded in {@code computed}.
     */
    private RelationPlan planSubqueries(RelationPlan source, Expression expression, Map<Expression, Integer> computed,
                                        CommonTableExpressions ctes) {
        List<Expression> subqueries = new ArrayList<>();
        AstSearch.subqueries(expression, subqueries);
        RelationPlan current = source;
        for (Expression subquery : subqueries) {
            switch (subquery) {
                case Predicated predicated -> {
                    InPredicate in = (InPredicate) predicated.getPredicate();
                    RelationPlan values = planQuery(((SubqueryExpression) in.getValueList()).getQuery(), ctes);
                    if (values.scope().fields().size() != 1) {
                        throw context.errorAt(in.getValueList(), "Multiple columns returned by subquery are not yet supported");
                    }
                    ExpressionTranslator translator = new ExpressionTranslator(context, current.scope(), computed, null);
                    RowExpression value = translator.translate(predicated.getValue());
                    SqlType common = SqlType.commonSuperType(value.type(), values.node().outputTypes().getFirst());
                    if (common == null) {
                        throw context.errorAt(predicated, "Value and result of subquery must be of the same type for IN expression: "
                                + ExpressionTranslator.typeName(value.type()) + " vs "
                                + ExpressionTranslator.typeName(values.node().outputTypes().getFirst()));
                    }
                    List<RowExpression> projection = identity(current.node().outputTypes());
                    projection.add(ExpressionTranslator.coerce(value, common));
                    PlanNode probe = new PlanNode.Project(current.node(), projection);
                    PlanNode filtering = coerceOutputs(values.node(), List.of(common));
                    PlanNode semiJoin = new PlanNode.SemiJoin(probe, filtering, projection.size() - 1, 0);
                    List<Field> fields = new ArrayList<>(current.scope().fields());
                    fields.add(Field.hidden(common));
                    fields.add(Field.hidden(SqlType.BOOLEAN));
                    computed.put(predicated, fields.size() - 1);
                    current = new RelationPlan(semiJoin, new Scope(fields));
                }
                case ExistsPredicate exists -> {
                    RelationPlan inner = planQuery(((SubqueryExpression) exists.getSubquery()).getQuery(), ctes);
                    AggregateFunction count = context.functions().resolveAggregate("count", List.of()).orElseThrow();
                    PlanNode counted = QueryAnalyzer.aggregate(inner.node(), List.of(), List.of(count), List.of(List.of()), List.of(false));
                    PlanNode test = new PlanNode.Project(counted, List.of(new RowExpression.Call("$greater_than",
                            List.of(new InputReference(0, SqlType.BIGINT), new Constant(0L, SqlType.BIGINT)), SqlType.BOOLEAN)));
                    current = crossJoinHidden(current, test, subquery, computed);
                }
                case SubqueryExpression scalar -> {
                    RelationPlan inner = planQuery(scalar.getQuery(), ctes);
                    if (inner.scope().fields().size() != 1) {
                        throw context.errorAt(scalar, "Multiple columns returned by subquery are not yet supported");
                    }
                    current = crossJoinHidden(current, new PlanNode.EnforceSingleRow(inner.node()), subquery, computed);
                }
                default -> throw context.errorAt(subquery, "Unsupported subquery");
            }
        }
        return current;
    }

    private static RelationPlan crossJoinHidden(RelationPlan current, PlanNode single, Expression subquery,
                                                Map<Expression, Integer> computed) {
        PlanNode joined = new PlanNode.Join(JoinType.CROSS, current.node(), single, List.of(), List.of(), null);
        List<Field> fields = new ArrayList<>(current.scope().fields());
        fields.add(Field.hidden(single.outputTypes().getFirst()));
        computed.put(subquery, fields.size() - 1);
        return new RelationPlan(joined, new Scope(fields));
    }
}
