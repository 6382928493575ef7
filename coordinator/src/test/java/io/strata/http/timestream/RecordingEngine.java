package io.strata.http.timestream;

import com.google.protobuf.Message;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateDatabaseResponse;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.CreateTableResponse;
import io.strata.api.v1.DeleteDatabaseRequest;
import io.strata.api.v1.DeleteDatabaseResponse;
import io.strata.api.v1.DeleteTableRequest;
import io.strata.api.v1.DeleteTableResponse;
import io.strata.api.v1.DescribeDatabaseRequest;
import io.strata.api.v1.DescribeDatabaseResponse;
import io.strata.api.v1.DescribeTableRequest;
import io.strata.api.v1.DescribeTableResponse;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTablesResponse;
import io.strata.api.v1.ListTagsForResourceRequest;
import io.strata.api.v1.ListTagsForResourceResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.TagResourceRequest;
import io.strata.api.v1.TagResourceResponse;
import io.strata.api.v1.UntagResourceRequest;
import io.strata.api.v1.UntagResourceResponse;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.api.v1.UpdateDatabaseResponse;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.api.v1.UpdateTableResponse;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.core.error.StrataException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test double of the engine: remembers the last request message of each kind and answers the
 * response it was given for that kind (its default instance otherwise), or throws the failure it
 * was given. Thread-safe: the endpoint calls it on worker threads.
 */
final class RecordingEngine implements AdminOperations, WriteOperations, QueryOperations {
    private final Map<Class<?>, Message> requests = new ConcurrentHashMap<>();
    private final Map<Class<?>, Message> responses = new ConcurrentHashMap<>();
    private final AtomicReference<StrataException> failure = new AtomicReference<>();

    /** The last request of {@code type} the engine received. */
    <T extends Message> Optional<T> last(Class<T> type) {
        return Optional.ofNullable(type.cast(requests.get(type)));
    }

    /** Answers {@code response} to every later request that expects its type. */
    <T extends Message> void answer(T response) {
        responses.put(response.getClass(), response);
    }

    /** Throws {@code exception} from every later call, until {@link #reset()}. */
    void fail(StrataException exception) {
        failure.set(exception);
    }

    void reset() {
        requests.clear();
        responses.clear();
        failure.set(null);
    }

    private <T extends Message> T serve(Message request, T defaultResponse) {
        requests.put(request.getClass(), request);
        StrataException exception = failure.get();
        if (exception != null) {
            throw exception;
        }
        @SuppressWarnings("unchecked")
        T response = (T) responses.getOrDefault(defaultResponse.getClass(), defaultResponse);
        return response;
    }

    @Override
    public CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        return serve(request, CreateDatabaseResponse.getDefaultInstance());
    }

    @Override
    public DescribeDatabaseResponse describeDatabase(DescribeDatabaseRequest request) {
        return serve(request, DescribeDatabaseResponse.getDefaultInstance());
    }

    @Override
    public ListDatabasesResponse listDatabases(ListDatabasesRequest request) {
        return serve(request, ListDatabasesResponse.getDefaultInstance());
    }

    @Override
    public UpdateDatabaseResponse updateDatabase(UpdateDatabaseRequest request) {
        return serve(request, UpdateDatabaseResponse.getDefaultInstance());
    }

    @Override
    public DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest request) {
        return serve(request, DeleteDatabaseResponse.getDefaultInstance());
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return serve(request, CreateTableResponse.getDefaultInstance());
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return serve(request, DescribeTableResponse.getDefaultInstance());
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return serve(request, ListTablesResponse.getDefaultInstance());
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return serve(request, UpdateTableResponse.getDefaultInstance());
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return serve(request, DeleteTableResponse.getDefaultInstance());
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return serve(request, TagResourceResponse.getDefaultInstance());
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return serve(request, UntagResourceResponse.getDefaultInstance());
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return serve(request, ListTagsForResourceResponse.getDefaultInstance());
    }

    @Override
    public WriteRecordsResponse writeRecords(WriteRecordsRequest request) {
        return serve(request, WriteRecordsResponse.getDefaultInstance());
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return serve(request, QueryResponse.getDefaultInstance());
    }

    @Override
    public CancelQueryResponse cancelQuery(CancelQueryRequest request) {
        return serve(request, CancelQueryResponse.getDefaultInstance());
    }

    @Override
    public PrepareQueryResponse prepareQuery(PrepareQueryRequest request) {
        return serve(request, PrepareQueryResponse.getDefaultInstance());
    }
}
