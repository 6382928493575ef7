package io.strata.cli.testing;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * QueryService answering canned pages per query text (the first page, then the page named by each
 * next token), or a canned error; any other query is a ValidationException. Records the query texts
 * it was asked, first pages only.
 */
public final class CannedQueryService extends QueryServiceGrpc.QueryServiceImplBase {
    private final Map<String, List<QueryResponse>> pages = new ConcurrentHashMap<>();
    private final Map<String, StatusRuntimeException> errors = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** Answers {@code sql} with {@code responses}, page by page (tokens are set here). */
    public CannedQueryService answer(String sql, QueryResponse... responses) {
        List<QueryResponse> linked = new ArrayList<>();
        for (int page = 0; page < responses.length; page++) {
            QueryResponse.Builder response = responses[page].toBuilder().setQueryId("q1");
            if (page + 1 < responses.length) {
                response.setNextToken("page-" + (page + 1));
            } else {
                response.clearNextToken();
            }
            linked.add(response.build());
        }
        pages.put(sql, List.copyOf(linked));
        return this;
    }

    /** Fails {@code sql} with {@code error}. */
    public CannedQueryService fail(String sql, StatusRuntimeException error) {
        errors.put(sql, error);
        return this;
    }

    /** The query texts asked for, in order (first pages only). */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> observer) {
        String sql = request.getQueryString();
        if (!request.hasNextToken()) {
            asked.add(sql);
        }
        StatusRuntimeException error = errors.get(sql);
        if (error != null) {
            observer.onError(error);
            return;
        }
        List<QueryResponse> answer = pages.get(sql);
        if (answer == null) {
            observer.onError(ServerErrors.validation("no canned answer for: " + sql));
            return;
        }
        int page = request.hasNextToken() ? Integer.parseInt(request.getNextToken().substring("page-".length())) : 0;
        observer.onNext(answer.get(page));
        observer.onCompleted();
    }
}
