package io.strata.query.plan;

import io.strata.core.schema.TableColumn;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.RowExpression.Call;
import io.strata.query.expression.RowExpression.Constant;
import io.strata.query.expression.RowExpression.InputReference;
import io.strata.query.expression.RowExpression.SpecialForm;
import io.strata.query.expression.RowExpressions;
import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies what a filter directly over a table scan says about {@code time} and about VARCHAR
 * columns (dimensions, {@code measure_name}) into the scan's {@link ScanSpec}, so storage can skip
 * partitions: {@code time > c}, {@code >=}, {@code <}, {@code <=}, {@code =}, BETWEEN (two of
 * those), {@code dim = 'x'}, {@code dim IN ('x', 'y')}. Constants were folded by the analyzer,
 * so {@code ago(1h)} and {@code from_milliseconds(...)} arrive as timestamps. The filter stays:
 * pushdown only narrows what is read.
 */
public final class ScanPushdown {
    private ScanPushdown() {}

    public static PlanNode apply(PlanNode node) {
        if (node instanceof PlanNode.Project project) {
            PlanNode pruned = pruneColumns(project);
            if (pruned != project) {
                return apply(pruned);
            }
        }
        if (node instanceof PlanNode.Filter filter && filter.source() instanceof PlanNode.TableScan scan) {
            return new PlanNode.Filter(pushInto(scan, filter.predicate()), filter.predicate());
        }
        return replaceSources(node, node.sources().stream().map(ScanPushdown::apply).toList());
    }

    /**
     * A projection over a scan (or over a filter over a scan) reads only the columns its
     * expressions and the filter use: the scan is narrowed and channels renumbered, so storage
     * decodes fewer columns. Returns {@code project} itself when nothing can be dropped.
     */
    private static PlanNode pruneColumns(PlanNode.Project project) {
        PlanNode.Filter filter = project.source() instanceof PlanNode.Filter f ? f : null;
        PlanNode below = filter == null ? project.source() : filter.source();
        if (!(below instanceof PlanNode.TableScan scan)) {
            return project;
        }
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        project.expressions().forEach(expression -> RowExpressions.collectChannels(expression, used));
        if (filter != null) {
            RowExpressions.collectChannels(filter.predicate(), used);
        }
        if (used.isEmpty()) {
            used.add(scan.spec().columns().indexOf(TableColumn.TIME)); // a row count still needs rows
        }
        if (used.size() == scan.spec().columns().size()) {
            return project;
        }
        int[] newChannel = new int[scan.spec().columns().size()];
        List<String> columns = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        for (int channel : used) {
            newChannel[channel] = columns.size();
            columns.add(scan.spec().columns().get(channel));
            types.add(scan.outputTypes().get(channel));
        }
        PlanNode source = new PlanNode.TableScan(scan.spec().withColumns(columns), types);
        if (filter != null) {
            source = new PlanNode.Filter(source, RowExpressions.remap(filter.predicate(), channel -> newChannel[channel]));
        }
        return new PlanNode.Project(source, project.expressions().stream()
                .map(expression -> RowExpressions.remap(expression, channel -> newChannel[channel])).toList());
    }

    static PlanNode.TableScan pushInto(PlanNode.TableScan scan, RowExpression predicate) {
        List<String> columns = scan.spec().columns();
        TimeRange range = scan.spec().timeRange();
        Map<String, Set<String>> values = new HashMap<>(scan.spec().columnValues());
        for (RowExpression conjunct : RowExpressions.conjuncts(predicate)) {
            if (conjunct instanceof Call call && call.arguments().size() == 2) {
                RowExpression left = call.arguments().get(0);
                RowExpression right = call.arguments().get(1);
                String operator = call.name();
                if (right instanceof InputReference && left instanceof Constant) {
                    RowExpression swap = left;
                    left = right;
                    right = swap;
                    operator = flip(operator);
                }
                if (!(left instanceof InputReference reference) || !(right instanceof Constant constant) || constant.value() == null) {
                    continue;
                }
                String column = columns.get(reference.channel());
                if (column.equals(TableColumn.TIME) && reference.type() == SqlType.TIMESTAMP) {
                    range = range.intersect(timeRange(operator, (Long) constant.value()));
                } else if (reference.type() == SqlType.VARCHAR && operator.equals("$equal")) {
                    values.merge(column, Set.of((String) constant.value()), ScanPushdown::intersect);
                }
            } else if (conjunct instanceof SpecialForm form && form.form() == RowExpression.Form.IN
                    && form.arguments().getFirst() instanceof InputReference reference && reference.type() == SqlType.VARCHAR) {
                Set<String> allowed = new HashSet<>();
                boolean allConstant = true;
                for (RowExpression item : form.arguments().subList(1, form.arguments().size())) {
                    if (item instanceof Constant constant && constant.value() instanceof String text) {
                        allowed.add(text);
                    } else if (!(item instanceof Constant constant && constant.value() == null)) {
                        allConstant = false;
                    }
                }
                if (allConstant) {
                    values.merge(columns.get(reference.channel()), allowed, ScanPushdown::intersect);
                }
            }
        }
        return new PlanNode.TableScan(scan.spec().withPredicates(range, values), scan.outputTypes());
    }

    private static Set<String> intersect(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.retainAll(right);
        return result;
    }

    private static String flip(String operator) {
        return switch (operator) {
            case "$less_than" -> "$greater_than";
            case "$less_than_or_equal" -> "$greater_than_or_equal";
            case "$greater_than" -> "$less_than";
            case "$greater_than_or_equal" -> "$less_than_or_equal";
            default -> operator;
        };
    }

    private static TimeRange timeRange(String operator, long value) {
        return switch (operator) {
            case "$greater_than" -> new TimeRange(value == Long.MAX_VALUE ? value : value + 1, Long.MAX_VALUE);
            case "$greater_than_or_equal" -> new TimeRange(value, Long.MAX_VALUE);
            case "$less_than" -> new TimeRange(0, value - 1);
            case "$less_than_or_equal" -> new TimeRange(0, value);
            case "$equal" -> new TimeRange(value, value);
            default -> TimeRange.ALL;
        };
    }

    /** {@code node} with its sources replaced (same order as {@link PlanNode#sources()}). */
    public static PlanNode replaceSources(PlanNode node, List<PlanNode> sources) {
        if (sources.equals(node.sources())) {
            return node;
        }
        return switch (node) {
            case PlanNode.Filter filter -> new PlanNode.Filter(sources.getFirst(), filter.predicate());
            case PlanNode.Project project -> new PlanNode.Project(sources.getFirst(), project.expressions());
            case PlanNode.Aggregate aggregate -> new PlanNode.Aggregate(sources.getFirst(), aggregate.groupChannels(),
                    aggregate.calls(), aggregate.step(), aggregate.groupTypes(), aggregate.callOutputTypes());
            case PlanNode.Sort sort -> new PlanNode.Sort(sources.getFirst(), sort.keys(), sort.limit());
            case PlanNode.Limit limit -> new PlanNode.Limit(sources.getFirst(), limit.offset(), limit.count());
            case PlanNode.Join join -> new PlanNode.Join(join.type(), sources.get(0), sources.get(1), join.leftKeys(),
                    join.rightKeys(), join.residual());
            case PlanNode.SemiJoin semiJoin -> new PlanNode.SemiJoin(sources.get(0), sources.get(1), semiJoin.sourceChannel(),
                    semiJoin.filteringChannel());
            case PlanNode.Window window -> new PlanNode.Window(sources.getFirst(), window.partitionChannels(), window.order(),
                    window.calls());
            case PlanNode.SetOperation setOperation -> new PlanNode.SetOperation(setOperation.kind(), setOperation.distinct(),
                    new ArrayList<>(sources));
            case PlanNode.EnforceSingleRow ignored -> new PlanNode.EnforceSingleRow(sources.getFirst());
            case PlanNode.Unnest unnest -> new PlanNode.Unnest(sources.getFirst(), unnest.channel(), unnest.elementTypes());
            case PlanNode.TableScan scan -> scan;
            case PlanNode.Values values -> values;
            case PlanNode.RemoteSource remote -> remote;
        };
    }
}
