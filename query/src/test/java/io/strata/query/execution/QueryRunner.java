package io.strata.query.execution;

import io.strata.query.analysis.QueryAnalyzer;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.operator.ScanSource;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.parse.SqlParser;
import io.strata.query.plan.QueryPlan;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Test helper: parses, analyzes and runs queries over {@link SensorData} with a fixed clock. */
final class QueryRunner {
    static final FunctionResolver FUNCTIONS = FunctionResolver.builtIn();
    static final Map<String, Long> PARAMETERS = Map.of("scheduled_runtime", SensorData.NOW_NANOS - 3600 * SensorData.SECOND);

    final SensorData data;
    final Map<TableName, InMemoryScanSource> sources = new HashMap<>();
    final QueryAnalyzer analyzer;
    final QueryExecutor executor = new QueryExecutor(FUNCTIONS);
    final SqlParser parser = new SqlParser();

    QueryRunner(SensorData data) {
        this.data = data;
        this.analyzer = new QueryAnalyzer(data.catalog(), FUNCTIONS);
        data.rows.forEach((name, rows) -> sources.put(name, new InMemoryScanSource(data.table(name), rows, 128)));
    }

    static Clock clock() {
        return Clock.fixed(SensorData.NOW, ZoneOffset.UTC);
    }

    QueryContext context() {
        return new QueryContext(clock(), QueryLimits.DEFAULT);
    }

    QueryPlan plan(String sql, QueryContext context) {
        ParsedStatement.Select select = (ParsedStatement.Select) parser.parse(sql);
        return analyzer.analyze(select, context.queryClock(), PARAMETERS);
    }

    QueryResult run(String sql) {
        QueryContext context = context();
        return executor.execute(plan(sql, context), sources::get, context);
    }

    QueryResult run(String sql, QueryContext context) {
        return executor.execute(plan(sql, context), name -> (ScanSource) sources.get(name), context);
    }
}
