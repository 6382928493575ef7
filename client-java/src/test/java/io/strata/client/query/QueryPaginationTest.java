package io.strata.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.Datum;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Type;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.ServerErrors;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A result of 100,000 rows in pages of 1,000 is read once, in order, one page at a time. */
class QueryPaginationTest {
    private static final int ROWS = 100_000;
    private static final int PAGE = 1_000;
    private static final String SQL = "SELECT n, label FROM iot.readings ORDER BY n";

    private final PagingQueryService service = new PagingQueryService();
    private InProcessNode node;
    private StrataClient client;

    @BeforeEach
    void start() {
        node = InProcessNode.start(service);
        client = InProcessNode.clientFor(node).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        node.close();
    }

    @Test
    void iteratingReturnsEveryRowOnceInOrderFetchingPagesOnlyWhenNeeded() {
        QueryResult result = client.query(SQL, PAGE);
        assertThat(service.requests).as("nothing is sent before the rows are asked for").isEmpty();

        Iterator<Row> rows = result.iterator();
        assertThat(rows.hasNext()).isTrue();
        assertThat(service.requests).as("the empty first page, then the first page of rows").hasSize(2);
        for (int n = 0; n < PAGE; n++) {
            assertThat(rows.next().getLong("n")).isEqualTo(n);
        }
        assertThat(service.requests).as("the second page is not requested before the first is consumed").hasSize(2);

        long expected = PAGE;
        while (rows.hasNext()) {
            Row row = rows.next();
            assertThat(row.getLong(0)).isEqualTo(expected);
            assertThat(row.getString("label")).isEqualTo("row-" + expected);
            expected++;
        }
        assertThat(expected).isEqualTo(ROWS);
        assertThat(service.requests).hasSize(1 + ROWS / PAGE);
        assertThat(service.requests).allSatisfy(request -> {
            assertThat(request.getQueryString()).isEqualTo(SQL);
            assertThat(request.getMaxRows()).isEqualTo(PAGE);
        });
        assertThat(service.requests.getFirst().hasNextToken()).isFalse();
        assertThat(service.requests.get(1).getNextToken()).isEqualTo("page-0");
        assertThat(result.pagesFetched()).isEqualTo(1 + ROWS / PAGE);
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void aStreamSeesTheSameRowsAndAResultIsReadOnce() {
        QueryResult result = client.query(SQL, PAGE);
        assertThat(result.columns()).extracting(Column::name).containsExactly("n", "label");

        assertThat(result.stream().mapToLong(row -> row.getLong("n")).sum()).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThatThrownBy(result::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("read once");
    }

    @Test
    void aFailingPageSurfacesTheServersError() {
        QueryResult result = client.query("SELECT nope FROM iot.readings");

        assertThatThrownBy(() -> result.iterator().hasNext())
                .isInstanceOfSatisfying(StrataClientException.class, error -> {
                    assertThat(error.errorName()).isEqualTo("ValidationException");
                    assertThat(error.getMessage()).contains("line 1:8: Column 'nope' does not exist");
                });
    }

    /** Pages a result of ROWS rows: an empty first page (the query "runs"), then pages of max_rows rows. */
    private static final class PagingQueryService extends QueryServiceGrpc.QueryServiceImplBase {
        final List<QueryRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
            requests.add(request);
            if (!request.getQueryString().equals(SQL)) {
                responses.onError(ServerErrors.error(Status.Code.INVALID_ARGUMENT, "ValidationException", 400,
                        "line 1:8: Column 'nope' does not exist"));
                return;
            }
            QueryResponse.Builder page = QueryResponse.newBuilder().setQueryId("q1")
                    .addColumnInfo(column("n", ScalarType.SCALAR_TYPE_BIGINT))
                    .addColumnInfo(column("label", ScalarType.SCALAR_TYPE_VARCHAR));
            if (!request.hasNextToken()) {
                responses.onNext(page.setNextToken("page-0").build());
                responses.onCompleted();
                return;
            }
            int pageNumber = Integer.parseInt(request.getNextToken().substring("page-".length()));
            int first = pageNumber * request.getMaxRows();
            int end = Math.min(ROWS, first + request.getMaxRows());
            for (int n = first; n < end; n++) {
                page.addRowsBuilder()
                        .addData(Datum.newBuilder().setScalarValue(Integer.toString(n)))
                        .addData(Datum.newBuilder().setScalarValue("row-" + n));
            }
            if (end < ROWS) {
                page.setNextToken("page-" + (pageNumber + 1));
            }
            responses.onNext(page.build());
            responses.onCompleted();
        }

        private static ColumnInfo column(String name, ScalarType type) {
            return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder().setScalarType(type)).build();
        }
    }
}
