package io.strata.coordinator.query;

import io.grpc.Context;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ParameterMapping;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryStatus;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.SelectColumn;
import io.strata.api.v1.Type;
import io.strata.core.error.ConflictException;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.query.analysis.QueryAnalyzer;
import io.strata.query.catalog.Catalog;
import io.strata.query.execution.QueryContext;
import io.strata.query.execution.QueryExecutor;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.parse.SqlParser;
import io.strata.query.plan.DistributedPlan;
import io.strata.query.plan.DistributedPlanner;
import io.strata.query.plan.QueryPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Timestream's Query, CancelQuery and PrepareQuery on one node.
 *
 * <p><b>Running.</b> A statement is parsed and analyzed on the caller's thread, so syntax and
 * name errors come back at once with the user's line:column. Analysis uses this node's cached
 * catalog and, if that rejects the statement, the stored one, so a table or column added through
 * another node a moment ago is found. {@code SHOW}/{@code DESCRIBE} are answered from the stored
 * catalog; a SELECT is split into shard fragments and a coordinator plan and
 * runs on its own thread, its fragments through {@link FragmentRunners}, with the configured
 * timeout and memory budget. A Query call waits up to {@link QuerySettings#pageWait()} for the
 * result; a query still running then answers a page with no rows and a NextToken.
 *
 * <p><b>Pages.</b> The result is held here, keyed by the query id, until
 * {@link QuerySettings#resultRetention()} after the query finished. A page holds at most MaxRows
 * rows (1..1000) and {@link QuerySettings#maximumPageBytes()} of serialized rows; its NextToken
 * ({@link PageToken}) names this node, the query and the next row, so pages return every row
 * once and in order, and a token presented again returns the same page. A token presented to
 * another node, with another query string, after the result expired or after a restart is a
 * ValidationException "Invalid pagination token" saying which; polling a cancelled query is a
 * ConflictException, as in Timestream.
 *
 * <p><b>QueryStatus.</b> Cumulative bytes scanned is what the shards report reading; metered bytes
 * apply Timestream's 10 MB minimum per query to a SELECT that has finished.
 *
 * <p>Thread-safe; Query blocks up to the page wait, the others do not block on execution.
 */
public final class QueryCoordinator implements AutoCloseable {
    /** Timestream meters each query at least 10 MB. */
    static final long MINIMUM_METERED_BYTES = 10L * 1024 * 1024;
    private static final int MAXIMUM_QUERY_LENGTH = 262_144;
    private static final int MAXIMUM_TOKEN_LENGTH = 2048;
    private static final int MAXIMUM_MAX_ROWS = 1000;

    private final String nodeId;
    private final Catalog catalog;
    private final Catalog storedCatalog;
    private final FragmentRunners fragments;
    private final FunctionResolver functions;
    private final QuerySettings settings;
    private final Clock clock;
    private final Supplier<String> queryIds;
    private final ExecutorService queryThreads;
    private final ScheduledExecutorService deadlines;
    private final SqlParser parser = new SqlParser();
    private final QueryExecutor executor;
    private final DistributedPlanner planner;
    private final MetadataStatements metadata;
    private final Map<String, QueryRun> runs = new ConcurrentHashMap<>();

    /**
     * @param catalog the catalog as this node last saw it (fast; may lag other nodes' changes)
     * @param storedCatalog the catalog as stored; a statement the cached view rejects is analyzed
     *     against it again, so changes made through other nodes a moment ago are seen
     * @param queryIds new query ids: 1..64 characters of [a-zA-Z0-9], unique on this node
     * @param queryThreads runs each SELECT (one task per query)
     * @param deadlines fires the per-query deadline that cancels the query's shard calls
     */
    public QueryCoordinator(String nodeId, Catalog catalog, Catalog storedCatalog, FragmentRunners fragments, FunctionResolver functions,
                            QuerySettings settings, Clock clock, Supplier<String> queryIds, ExecutorService queryThreads,
                            ScheduledExecutorService deadlines) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.storedCatalog = Objects.requireNonNull(storedCatalog, "storedCatalog");
        this.fragments = Objects.requireNonNull(fragments, "fragments");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queryIds = Objects.requireNonNull(queryIds, "queryIds");
        this.queryThreads = Objects.requireNonNull(queryThreads, "queryThreads");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.executor = new QueryExecutor(functions);
        this.planner = new DistributedPlanner(functions);
        this.metadata = new MetadataStatements(storedCatalog);
    }

    public QueryResponse query(QueryRequest request) {
        String sql = request.getQueryString();
        if (sql.isEmpty() || sql.length() > MAXIMUM_QUERY_LENGTH) {
            throw new ValidationException("QueryString must be 1 to " + MAXIMUM_QUERY_LENGTH + " characters long.");
        }
        if (request.hasMaxRows() && (request.getMaxRows() < 1 || request.getMaxRows() > MAXIMUM_MAX_ROWS)) {
            throw new ValidationException("MaxRows must be between 1 and " + MAXIMUM_MAX_ROWS + ", was "
                    + request.getMaxRows() + ".");
        }
        int maxRows = request.hasMaxRows() ? request.getMaxRows() : Integer.MAX_VALUE;
        expireOldResults();
        if (request.hasNextToken()) {
            PageToken token = validToken(request.getNextToken(), sql);
            return page(runOf(token), token, maxRows);
        }
        QueryRun run = start(sql);
        return page(run, new PageToken(nodeId, run.queryId(), run.started(), run.queryDigest(), 0), maxRows);
    }

    public CancelQueryResponse cancel(CancelQueryRequest request) {
        QueryRun run = runs.get(request.getQueryId());
        if (run == null) {
            throw new ValidationException("Query '" + request.getQueryId() + "' is not known on this node " + nodeId
                    + ": cancel a query on the node that ran it, within " + settings.resultRetention() + ".");
        }
        if (run.finished() != null && !run.isCancelled() && !run.result().isCompletedExceptionally()) {
            return CancelQueryResponse.newBuilder()
                    .setCancellationMessage("Query " + run.queryId() + " had already finished.").build();
        }
        if (!run.cancel()) {
            return CancelQueryResponse.newBuilder()
                    .setCancellationMessage("Query " + run.queryId() + " was already cancelled.").build();
        }
        return CancelQueryResponse.getDefaultInstance();
    }

    public PrepareQueryResponse prepare(PrepareQueryRequest request) {
        if (request.hasValidateOnly() && !request.getValidateOnly()) {
            throw new ValidationException("Only ValidateOnly=true is supported: prepared statements are not stored.");
        }
        String sql = request.getQueryString();
        if (sql.isEmpty() || sql.length() > MAXIMUM_QUERY_LENGTH) {
            throw new ValidationException("QueryString must be 1 to " + MAXIMUM_QUERY_LENGTH + " characters long.");
        }
        ParsedStatement statement = parser.parse(sql);
        PrepareQueryResponse.Builder response = PrepareQueryResponse.newBuilder().setQueryString(sql);
        if (!(statement instanceof ParsedStatement.Select select)) {
            for (ColumnInfo column : MetadataStatements.columnsOf(statement)) {
                response.addColumns(SelectColumn.newBuilder().setName(column.getName()).setType(column.getType()));
            }
            return response.build();
        }
        QueryContext context = new QueryContext(clock, settings.limits());
        Map<String, Long> parameters = new java.util.HashMap<>();
        long nowNanos = Math.multiplyExact(clock.millis(), 1_000_000L);
        select.namedParameters().forEach(name -> parameters.put(name, nowNanos));
        QueryPlan plan = analyze(select, context, parameters);
        for (ColumnInfo column : columnsOf(plan)) {
            response.addColumns(SelectColumn.newBuilder().setName(column.getName()).setType(column.getType()));
        }
        select.namedParameters().stream().sorted().forEach(name -> response.addParameters(ParameterMapping.newBuilder()
                .setName("@" + name)
                .setType(Type.newBuilder().setScalarType(ScalarType.SCALAR_TYPE_TIMESTAMP))));
        return response.build();
    }

    private QueryRun start(String sql) {
        ParsedStatement statement = parser.parse(sql);
        Instant started = clock.instant();
        String queryId = queryIds.get();
        if (!(statement instanceof ParsedStatement.Select select)) {
            StatementResult answer = metadata.answer(statement);
            QueryRun run = new QueryRun(queryId, PageToken.digestOf(sql), started, answer.columns(), null, null);
            run.succeed(answer, started);
            runs.put(queryId, run);
            return run;
        }
        QueryContext context = new QueryContext(clock, settings.limits());
        QueryPlan plan = analyze(select, context, Map.of());
        DistributedPlan distributed = planner.split(plan);
        // Detached from the caller's call: that context ends when this Query call answers.
        Context.CancellableContext calls = Context.ROOT.withDeadlineAfter(settings.limits().timeout().toMillis(),
                TimeUnit.MILLISECONDS, deadlines);
        QueryRun run = new QueryRun(queryId, PageToken.digestOf(sql), started, columnsOf(plan), context, calls);
        runs.put(queryId, run);
        queryThreads.execute(() -> {
            try {
                var result = executor.execute(distributed, fragments.forQuery(queryId, calls, run.bytesScanned()), context);
                run.succeed(StatementResult.of(result), clock.instant());
            } catch (RuntimeException | Error failure) {
                run.fail(run.isCancelled() ? new QueryExecutionException("Query was cancelled") : failure, clock.instant());
            } finally {
                run.release();
            }
        });
        return run;
    }

    /** Analyzes against the cached catalog, and once more against the stored one if that rejects it. */
    private QueryPlan analyze(ParsedStatement.Select select, QueryContext context, Map<String, Long> parameters) {
        try {
            return new QueryAnalyzer(catalog, functions).analyze(select, context.queryClock(), parameters);
        } catch (ValidationException perhapsStale) {
            return new QueryAnalyzer(storedCatalog, functions).analyze(select, context.queryClock(), parameters);
        }
    }

    private static List<ColumnInfo> columnsOf(QueryPlan plan) {
        List<ColumnInfo> columns = new ArrayList<>(plan.columnNames().size());
        for (int index = 0; index < plan.columnNames().size(); index++) {
            columns.add(StatementResult.column(io.strata.query.execution.ColumnInfo.of(plan.columnNames().get(index),
                    plan.root().outputTypes().get(index))));
        }
        return columns;
    }

    private PageToken validToken(String text, String sql) {
        if (text.isEmpty() || text.length() > MAXIMUM_TOKEN_LENGTH) {
            throw new ValidationException(PageToken.INVALID + ": NextToken must be 1 to " + MAXIMUM_TOKEN_LENGTH
                    + " characters long.");
        }
        PageToken token = PageToken.decode(text);
        if (!token.nodeId().equals(nodeId)) {
            throw new ValidationException(PageToken.INVALID + ": query " + token.queryId() + " ran on node "
                    + token.nodeId() + " and its results are held there; this is node " + nodeId
                    + ". Send the request with this NextToken to node " + token.nodeId() + ".");
        }
        if (token.queryDigest() != PageToken.digestOf(sql)) {
            throw new ValidationException(PageToken.INVALID + ": the NextToken belongs to query " + token.queryId()
                    + ", whose QueryString differs from this request's.");
        }
        return token;
    }

    private QueryRun runOf(PageToken token) {
        QueryRun run = runs.get(token.queryId());
        if (run == null) {
            if (!clock.instant().isBefore(token.started().plus(settings.resultRetention()))) {
                throw new ValidationException(PageToken.INVALID + ": the results of query " + token.queryId()
                        + " have expired; results are kept for " + settings.resultRetention() + ". Run the query again.");
            }
            throw new ValidationException(PageToken.INVALID + ": query " + token.queryId() + " is not known on node "
                    + nodeId + " (the node may have restarted). Run the query again.");
        }
        if (run.isCancelled()) {
            throw new ConflictException("Unable to poll results for a cancelled query: " + run.queryId() + ".");
        }
        return run;
    }

    private QueryResponse page(QueryRun run, PageToken token, int maxRows) {
        StatementResult result;
        try {
            result = run.result().get(settings.pageWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return QueryResponse.newBuilder()
                    .setQueryId(run.queryId())
                    .setNextToken(token.encode())
                    .addAllColumnInfo(run.columns())
                    .setQueryStatus(status(run, null))
                    .build();
        } catch (ExecutionException failed) {
            if (run.isCancelled()) {
                throw new ConflictException("Unable to poll results for a cancelled query: " + run.queryId() + ".");
            }
            if (failed.getCause() instanceof StrataException strata) {
                throw strata;
            }
            throw new QueryExecutionException("Query " + run.queryId() + " failed: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new QueryExecutionException("Interrupted while waiting for query " + run.queryId(), interrupted);
        }
        if (token.offset() > result.rows().size()) {
            throw new ValidationException(PageToken.INVALID + ": it points past the end of query " + run.queryId()
                    + "'s result.");
        }
        int from = (int) token.offset();
        int to = from;
        long bytes = 0;
        while (to < result.rows().size() && to - from < maxRows) {
            Row row = result.rows().get(to);
            int size = row.getSerializedSize();
            if (size > settings.maximumPageBytes()) {
                throw new QueryExecutionException(
                        "Query aborted as max page response size has been exceeded by the output result row");
            }
            if (bytes + size > settings.maximumPageBytes()) {
                break;
            }
            bytes += size;
            to++;
        }
        QueryResponse.Builder response = QueryResponse.newBuilder()
                .setQueryId(run.queryId())
                .addAllRows(result.rows().subList(from, to))
                .addAllColumnInfo(result.columns())
                .setQueryStatus(status(run, result));
        if (to < result.rows().size()) {
            response.setNextToken(token.at(to).encode());
        }
        return response.build();
    }

    private static QueryStatus status(QueryRun run, StatementResult result) {
        long scanned = run.bytesScanned().get();
        long metered = result == null ? 0 : result.metered() ? Math.max(scanned, MINIMUM_METERED_BYTES) : 0;
        return QueryStatus.newBuilder()
                .setProgressPercentage(result == null ? 0 : 100)
                .setCumulativeBytesScanned(scanned)
                .setCumulativeBytesMetered(metered)
                .build();
    }

    /** Drops results older than the retention, and runs that outlived their timeout by as much. */
    private void expireOldResults() {
        Instant now = clock.instant();
        runs.values().removeIf(run -> {
            Instant finished = run.finished();
            Instant since = finished != null ? finished : run.started().plus(settings.limits().timeout());
            return !now.isBefore(since.plus(settings.resultRetention()));
        });
    }

    /** Cancels every running query. */
    @Override
    public void close() {
        runs.values().forEach(run -> {
            if (run.finished() == null) {
                run.cancel();
            }
        });
        runs.clear();
    }
}
