package io.strata.client.testing;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.Record;
import io.strata.api.v1.RecordsIngested;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of WriteService: a script decides per call whether it fails (returns an error) or
 * stores the request's records; answers come after {@code latencyMillis} from a timer, so calls
 * overlap as on a real node. Records it stores are counted by their {@code id} dimension.
 */
public final class RecordingWriteService extends WriteServiceGrpc.WriteServiceImplBase implements AutoCloseable {
    /** Decides the outcome of call number {@code call} (1-based): null stores all records. */
    @FunctionalInterface
    public interface Script {
        StatusRuntimeException outcome(int call, WriteRecordsRequest request);
    }

    private final Script script;
    private final long latencyMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final Map<String, AtomicInteger> storedById = new ConcurrentHashMap<>();
    private final List<WriteRecordsRequest> requests = new CopyOnWriteArrayList<>();

    public RecordingWriteService(long latencyMillis, Script script) {
        this.latencyMillis = latencyMillis;
        this.script = script;
    }

    @Override
    public void writeRecords(WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> responses) {
        int call = calls.incrementAndGet();
        requests.add(request);
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        timer.schedule(() -> {
            try {
                answer(call, request, responses);
            } catch (RuntimeException bug) {
                responses.onError(io.grpc.Status.INTERNAL.withDescription("test double failed: " + bug).asRuntimeException());
            }
        }, latencyMillis, TimeUnit.MILLISECONDS);
    }

    private void answer(int call, WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> responses) {
        active.decrementAndGet();
        StatusRuntimeException error = script.outcome(call, request);
        if (error != null) {
            responses.onError(error);
            return;
        }
        for (Record record : request.getRecordsList()) {
            storedById.computeIfAbsent(idOf(record), id -> new AtomicInteger()).incrementAndGet();
        }
        int count = request.getRecordsCount();
        responses.onNext(WriteRecordsResponse.newBuilder()
                .setRecordsIngested(RecordsIngested.newBuilder().setTotal(count).setMemoryStore(count)).build());
        responses.onCompleted();
    }

    /** The value of the record's {@code id} dimension, or (without one) its dimensions and time. */
    public static String idOf(Record record) {
        return record.getDimensionsList().stream().filter(d -> d.getName().equals("id")).findFirst()
                .map(io.strata.api.v1.Dimension::getValue)
                .orElse(record.getDimensionsList() + "@" + record.getTime());
    }

    /** WriteRecords calls received. */
    public int calls() {
        return calls.get();
    }

    /** Most calls this node was answering at once. */
    public int maxConcurrentCalls() {
        return maxActive.get();
    }

    /** How often each stored record id was stored. */
    public Map<String, AtomicInteger> storedById() {
        return storedById;
    }

    /** Every request received, in arrival order. */
    public List<WriteRecordsRequest> requests() {
        return requests;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
