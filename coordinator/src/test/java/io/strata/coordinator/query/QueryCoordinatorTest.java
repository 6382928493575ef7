package io.strata.coordinator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.Datum;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.core.error.ConflictException;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.CatalogSnapshot;
import io.strata.query.execution.FragmentRunner;
import io.strata.query.execution.QueryLimits;
import io.strata.query.expression.FunctionResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's paging, token and cancellation rules, over statements that read no table
 * (VALUES) or a table whose fragments are held running until the query is cancelled.
 */
class QueryCoordinatorTest {
    private static final String VALUES = "SELECT c FROM (VALUES 1, 2, 3, 4, 5, 6, 7) AS t(c) ORDER BY c";
    private static final Duration RETENTION = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger ids = new AtomicInteger();
    private final CountDownLatch fragmentStarted = new CountDownLatch(1);

    /** Fragments that run until their query's gRPC context is cancelled, like a long scan. */
    private final FragmentRunners heldUntilCancelled = (queryId, calls, bytes) -> (FragmentRunner) (fragment, context) -> {
        bytes.addAndGet(1234);
        CountDownLatch cancelled = new CountDownLatch(1);
        calls.addListener(ignored -> cancelled.countDown(), Runnable::run);
        fragmentStarted.countDown();
        try {
            cancelled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new QueryExecutionException("Query was cancelled");
    };

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        deadlines.shutdownNow();
    }

    private QueryCoordinator coordinator(String nodeId, Duration pageWait) {
        CatalogSnapshot catalog = new CatalogSnapshot(Map.of("db", Map.of("metrics", TableSchema.of(Set.of("host"),
                Map.of("cpu", MeasureValueType.DOUBLE), Map.of()))));
        QuerySettings settings = new QuerySettings(QueryLimits.DEFAULT, pageWait, RETENTION, Duration.ofSeconds(5),
                QuerySettings.DEFAULT_MAXIMUM_PAGE_BYTES);
        return new QueryCoordinator(nodeId, catalog, catalog, heldUntilCancelled, FunctionResolver.builtIn(), settings, clock,
                () -> "query" + ids.incrementAndGet(), threads, deadlines);
    }

    @Test
    void pagesCarryEveryRowOnceInOrderAndATokenReturnsTheSamePageAgain() {
        QueryCoordinator queries = coordinator("node-a", Duration.ofSeconds(30));
        List<String> values = new ArrayList<>();
        QueryResponse page = queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setMaxRows(3).build());
        String firstToken = page.getNextToken();
        values.addAll(scalars(page));
        int pages = 1;
        while (page.hasNextToken()) {
            page = queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setMaxRows(3)
                    .setNextToken(page.getNextToken()).build());
            values.addAll(scalars(page));
            pages++;
        }
        assertThat(values).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(pages).isEqualTo(3);
        QueryResponse again = queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setMaxRows(3)
                .setNextToken(firstToken).build());
        assertThat(scalars(again)).containsExactly("4", "5", "6");
        assertThat(again.getQueryStatus().getProgressPercentage()).isEqualTo(100.0);
    }

    @Test
    void aTokenAfterTheResultExpiredOrFromAnotherNodeOrMalformedIsAnInvalidPaginationToken() {
        QueryCoordinator nodeA = coordinator("node-a", Duration.ofSeconds(30));
        QueryCoordinator nodeB = coordinator("node-b", Duration.ofSeconds(30));
        String token = nodeA.query(QueryRequest.newBuilder().setQueryString(VALUES).setMaxRows(2).build()).getNextToken();

        ValidationException elsewhere = catchThrowableOfType(ValidationException.class, () -> nodeB.query(
                QueryRequest.newBuilder().setQueryString(VALUES).setNextToken(token).build()));
        assertThat(elsewhere).hasMessageContaining("Invalid pagination token").hasMessageContaining("ran on node node-a");

        ValidationException malformed = catchThrowableOfType(ValidationException.class, () -> nodeA.query(
                QueryRequest.newBuilder().setQueryString(VALUES).setNextToken("bm90IGEgdG9rZW4").build()));
        assertThat(malformed).hasMessageContaining("Invalid pagination token");

        clock.advance(RETENTION.plusSeconds(1));
        ValidationException expired = catchThrowableOfType(ValidationException.class, () -> nodeA.query(
                QueryRequest.newBuilder().setQueryString(VALUES).setNextToken(token).build()));
        assertThat(expired).hasMessageContaining("Invalid pagination token").hasMessageContaining("expired");
    }

    @Test
    void aRunningQueryAnswersEmptyPagesUntilCancelledThenPollingIsAConflict() throws Exception {
        QueryCoordinator queries = coordinator("node-a", Duration.ofMillis(200));
        String sql = "SELECT host, avg(measure_value::double) FROM db.metrics GROUP BY host";
        QueryResponse running = queries.query(QueryRequest.newBuilder().setQueryString(sql).build());
        assertThat(fragmentStarted.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.getRowsList()).isEmpty();
        assertThat(running.hasNextToken()).isTrue();
        assertThat(running.getQueryStatus().getProgressPercentage()).isZero();
        assertThat(running.getColumnInfoList()).hasSize(2);

        QueryResponse stillRunning = queries.query(QueryRequest.newBuilder().setQueryString(sql)
                .setNextToken(running.getNextToken()).build());
        assertThat(stillRunning.getRowsList()).isEmpty();
        assertThat(stillRunning.getQueryStatus().getCumulativeBytesScanned()).isEqualTo(1234);

        assertThat(queries.cancelQuery(CancelQueryRequest.newBuilder().setQueryId(running.getQueryId()).build())
                .hasCancellationMessage()).isFalse();
        assertThat(queries.cancelQuery(CancelQueryRequest.newBuilder().setQueryId(running.getQueryId()).build())
                .getCancellationMessage()).contains("already cancelled");
        ConflictException polled = catchThrowableOfType(ConflictException.class, () -> queries.query(
                QueryRequest.newBuilder().setQueryString(sql).setNextToken(running.getNextToken()).build()));
        assertThat(polled).hasMessageContaining("Unable to poll results for a cancelled query");
    }

    @Test
    void metadataStatementsAreNotMeteredAndSelectsAreMeteredAtLeastTenMegabytes() {
        QueryCoordinator queries = coordinator("node-a", Duration.ofSeconds(30));
        QueryResponse tables = queries.query(QueryRequest.newBuilder().setQueryString("SHOW TABLES FROM db").build());
        assertThat(scalars(tables)).containsExactly("metrics");
        assertThat(tables.getQueryStatus().getCumulativeBytesMetered()).isZero();
        QueryResponse values = queries.query(QueryRequest.newBuilder().setQueryString(VALUES).build());
        assertThat(values.getQueryStatus().getCumulativeBytesMetered()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void aClientTokenRetriedWithinFiveMinutesReturnsTheSameRunAndRefusesAnotherQuery() {
        QueryCoordinator queries = coordinator("node-a", Duration.ofSeconds(30));
        String token = "a".repeat(32);
        String first = queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setClientToken(token).build())
                .getQueryId();
        assertThat(queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setClientToken(token).build())
                .getQueryId()).isEqualTo(first);
        ValidationException other = catchThrowableOfType(ValidationException.class, () -> queries.query(
                QueryRequest.newBuilder().setQueryString("SELECT 1").setClientToken(token).build()));
        assertThat(other).hasMessageContaining("another QueryString");

        clock.advance(QueryCoordinator.CLIENT_TOKEN_WINDOW.plusSeconds(1));
        assertThat(queries.query(QueryRequest.newBuilder().setQueryString(VALUES).setClientToken(token).build())
                .getQueryId()).isNotEqualTo(first);
    }

    @Test
    void timeAndIntegerResultsCarryTheirScalarTypesAndTimestreamText() {
        QueryCoordinator queries = coordinator("node-a", Duration.ofSeconds(30));
        QueryResponse page = queries.query(QueryRequest.newBuilder().setQueryString(
                "SELECT TIME '12:34:56.789' AS t, CAST(c AS INTEGER) * CAST(2 AS INTEGER) AS i, CAST(NULL AS INTEGER) AS n, current_time AS now"
                        + " FROM (VALUES 21) AS v(c)").build());
        assertThat(page.getColumnInfoList()).extracting(column -> column.getName() + ":" + column.getType().getScalarType())
                .containsExactly("t:SCALAR_TYPE_TIME", "i:SCALAR_TYPE_INTEGER", "n:SCALAR_TYPE_INTEGER", "now:SCALAR_TYPE_TIME");
        assertThat(page.getRows(0).getDataList()).containsExactly(
                Datum.newBuilder().setScalarValue("12:34:56.789000000").build(),
                Datum.newBuilder().setScalarValue("42").build(),
                Datum.newBuilder().setNullValue(true).build(),
                // the coordinator's clock: 2026-01-01T00:00:00Z
                Datum.newBuilder().setScalarValue("00:00:00.000000000").build());
    }

    private static List<String> scalars(QueryResponse page) {
        return page.getRowsList().stream().map(row -> row.getData(0)).map(Datum::getScalarValue).toList();
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
