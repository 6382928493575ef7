package io.strata.cli.testing;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.Record;
import io.strata.api.v1.RecordsIngested;
import io.strata.api.v1.RejectedRecord;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * WriteService that stores every record it receives, except those matching the rejection rule,
 * which it rejects (per record, the others of the request stored) with {@link #REJECTION_REASON}.
 */
public final class RecordingWriteService extends WriteServiceGrpc.WriteServiceImplBase {
    public static final String REJECTION_REASON = "The record timestamp is outside the time range [2024-01-01T00:00:00Z, 2024-01-01T06:15:00Z) of the memory store.";

    private final List<WriteRecordsRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Record> stored = new CopyOnWriteArrayList<>();
    private volatile Predicate<Record> rejected = record -> false;

    /** Rejects the records matching {@code rule} from now on. */
    public RecordingWriteService reject(Predicate<Record> rule) {
        this.rejected = rule;
        return this;
    }

    /** Every request received. */
    public List<WriteRecordsRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every record stored (not rejected). */
    public List<Record> stored() {
        return List.copyOf(stored);
    }

    /** Records received over all requests. */
    public long received() {
        return requests.stream().mapToLong(WriteRecordsRequest::getRecordsCount).sum();
    }

    @Override
    public void writeRecords(WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> observer) {
        requests.add(request);
        List<RejectedRecord> rejections = new ArrayList<>();
        for (int index = 0; index < request.getRecordsCount(); index++) {
            Record record = request.getRecords(index);
            if (rejected.test(record)) {
                rejections.add(RejectedRecord.newBuilder().setRecordIndex(index).setReason(REJECTION_REASON).build());
            } else {
                stored.add(record);
            }
        }
        if (!rejections.isEmpty()) {
            observer.onError(ServerErrors.rejected(rejections));
            return;
        }
        int count = request.getRecordsCount();
        observer.onNext(WriteRecordsResponse.newBuilder()
                .setRecordsIngested(RecordsIngested.newBuilder().setTotal(count).setMemoryStore(count)).build());
        observer.onCompleted();
    }
}
