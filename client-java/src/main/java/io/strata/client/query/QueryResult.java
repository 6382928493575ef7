package io.strata.client.query;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.QueryStatus;
import io.strata.client.transport.Blocking;
import io.strata.client.transport.RetryPolicy;
import io.strata.client.transport.RetryingCaller;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one query, fetched a page at a time as they are consumed: the first page when the
 * rows or columns are first asked for, the next page (by its NextToken) only when the rows of the
 * current one are used up. Empty pages with a NextToken, which Timestream sends while a query runs,
 * are skipped. Only one page is held at a time.
 *
 * <p>One pass: {@link #iterator()} (or {@link #stream()}) may be called once. Not thread-safe: one
 * thread consumes a result. Fetching a page may throw a
 * {@link io.strata.client.error.StrataClientException} (e.g. {@code ValidationException} for a syntax
 * error, {@code QueryExecutionException}) from {@code hasNext}, {@code next} or {@link #columns()}.
 */
public final class QueryResult implements Iterable<Row> {
    private final RetryingCaller caller;
    private final RetryPolicy policy;
    private final String queryString;
    private final Integer maxRows;

    private QueryResponse page;
    private ColumnIndex columns;
    private int position;
    private int pagesFetched;
    private boolean iterated;

    /**
     * Use {@code StrataClient.query}; this constructor is the client's. Sends nothing yet.
     *
     * @param caller sends Query calls
     * @param policy retries of each page's call (a token may be used again: the same page comes back)
     * @param queryString the SQL
     * @param maxRows most rows per page (1..1000), or {@code null} to let the server fill 1 MB pages
     */
    public QueryResult(RetryingCaller caller, RetryPolicy policy, String queryString, Integer maxRows) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.queryString = Objects.requireNonNull(queryString, "queryString");
        if (maxRows != null && (maxRows < 1 || maxRows > 1000)) {
            throw new IllegalArgumentException("maxRows must be 1..1000, was " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** The result's columns, in order (fetches the first page if nothing was fetched yet). */
    public List<Column> columns() {
        ensureFirstPage();
        return columns.columns();
    }

    /** The query's id, for cancelling it (fetches the first page if nothing was fetched yet). */
    public String queryId() {
        ensureFirstPage();
        return page.getQueryId();
    }

    /** Progress and bytes scanned as of the last page fetched (fetches the first page if needed). */
    public QueryStatus status() {
        ensureFirstPage();
        return page.getQueryStatus();
    }

    /** Pages fetched so far. */
    public int pagesFetched() {
        return pagesFetched;
    }

    /**
     * Cancels the query on the server if it may still have pages to send; the rows already fetched
     * stay readable, further pages fail with {@code ConflictException}.
     */
    public void cancel() {
        if (page == null || !page.hasNextToken()) {
            return;
        }
        CancelQueryRequest request = CancelQueryRequest.newBuilder().setQueryId(page.getQueryId()).build();
        Blocking.await(caller.call(QueryServiceGrpc.getCancelQueryMethod(), request, policy));
    }

    /**
     * The rows, in the server's order.
     *
     * @throws IllegalStateException when called a second time
     */
    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("a query result is read once; run the query again to read it again");
        }
        iterated = true;
        return new PageIterator();
    }

    /** The rows as a sequential stream (the same single pass as {@link #iterator()}). */
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private void ensureFirstPage() {
        if (page == null) {
            fetch(null);
        }
    }

    private void fetch(String nextToken) {
        QueryRequest.Builder request = QueryRequest.newBuilder().setQueryString(queryString);
        if (maxRows != null) {
            request.setMaxRows(maxRows);
        }
        if (nextToken != null) {
            request.setNextToken(nextToken);
        }
        QueryResponse response = Blocking.await(caller.call(QueryServiceGrpc.getQueryMethod(), request.build(), policy));
        pagesFetched++;
        page = response;
        position = 0;
        if (columns == null || (columns.columns().isEmpty() && response.getColumnInfoCount() > 0)) {
            columns = new ColumnIndex(response.getColumnInfoList().stream().map(Column::of).toList());
        }
    }

    /** Walks the pages; holds only the current one. */
    private final class PageIterator implements Iterator<Row> {
        @Override
        public boolean hasNext() {
            ensureFirstPage();
            while (position >= page.getRowsCount()) {
                if (!page.hasNextToken()) {
                    return false;
                }
                fetch(page.getNextToken());
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more rows");
            }
            return new Row(columns, page.getRows(position++).getDataList(), "");
        }
    }
}
