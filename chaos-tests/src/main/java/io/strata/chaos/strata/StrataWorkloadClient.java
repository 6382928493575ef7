package io.strata.chaos.strata;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.chaos.history.Phase;
import io.strata.chaos.history.RecordVersion;
import io.strata.chaos.workload.OutcomeClassifier;
import io.strata.chaos.workload.WorkloadClient;
import io.strata.client.StrataClient;
import io.strata.client.error.StrataClientException;
import io.strata.client.transport.RetryPolicy;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.StrataException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The chaos workload over {@code io.strata.client}: one WriteRecords call per write or upsert (one
 * VARCHAR record of the series' {@value #SERIES_DIMENSION} dimension, time in
 * milliseconds, explicit version), and reads of a series.
 *
 * <p><b>Reads.</b> A read is a <em>barrier write</em> followed
 * by a look at the replicas through the nodes' {@code ReplicaInspectionService}: the read first writes a fresh record to
 * the same series (so to the same Raft group) and, once it is acknowledged, returns the series as
 * held by the first replica that already applied that record. That replica's state is a committed
 * log prefix that contains every write acknowledged before the read began (they were committed
 * before the barrier), taken while the read was in flight: a linearizable read. Barrier records
 * carry values starting with {@value #BARRIER_PREFIX} and are left out of what reads return.
 *
 * <p><b>Outcomes.</b> The client library's own retries are off; this class resends the very same
 * record up to {@code attempts} times after an uncertain failure. A definite error (see
 * {@link OutcomeClassifier}) is rethrown as a {@link StrataException} only if no earlier attempt
 * was uncertain; otherwise the outcome is unknown and the call throws {@link UnknownOutcomeException}.
 *
 * <p>One instance per workload process, one thread at a time (see {@link WorkloadClient}).
 */
public final class StrataWorkloadClient implements WorkloadClient {
    /** The dimension that names a chaos workload series. */
    public static final String SERIES_DIMENSION = "series";
    public static final String BARRIER_PREFIX = "barrier-";
    private static final String MEASURE = "value";
    private static final Duration READ_WAIT = Duration.ofSeconds(10);

    /** A failure after which the write may or may not have been applied. */
    public static final class UnknownOutcomeException extends RuntimeException {
        UnknownOutcomeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final StrataClient client;
    private final List<ReplicaInspectionClient> replicas;
    private final String database;
    private final String table;
    private final LongSupplier barrierTimes;
    private final int attempts;

    /**
     * @param endpoints gRPC endpoints, the first one tried first
     * @param replicas the nodes' replica inspection, asked in this order
     * @param barrierTimes unique record times (milliseconds) for read barriers, shared by every client
     *     of a run and disjoint from the workload's times
     */
    public StrataWorkloadClient(List<String> endpoints, List<ReplicaInspectionClient> replicas, String database, String table,
            LongSupplier barrierTimes, Duration callDeadline, int attempts) {
        this.client = StrataClient.builder()
                .endpoints(endpoints)
                .callDeadline(callDeadline)
                .retryPolicy(RetryPolicy.noRetries())
                .build();
        this.replicas = List.copyOf(replicas);
        this.database = database;
        this.table = table;
        this.barrierTimes = barrierTimes;
        this.attempts = attempts;
    }

    @Override
    public void write(RecordVersion record) {
        send(record);
    }

    @Override
    public void upsert(RecordVersion record) {
        send(record);
    }

    @Override
    public List<RecordVersion> read(String series) {
        long time = barrierTimes.getAsLong();
        RecordVersion barrier = new RecordVersion(series, time, BARRIER_PREFIX + time + "@v1", 1);
        send(barrier);
        long deadline = System.nanoTime() + READ_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ReplicaInspectionClient replica : replicas) {
                Optional<List<ReplicaPoint>> points = replica.series(database, table, SERIES_DIMENSION, series);
                if (points.isPresent() && points.get().stream()
                        .anyMatch(point -> point.timeMillis() == time && point.value().equals(barrier.value()))) {
                    List<RecordVersion> records = new ArrayList<>();
                    for (ReplicaPoint point : points.get()) {
                        if (!point.value().startsWith(BARRIER_PREFIX)) {
                            records.add(new RecordVersion(series, point.timeMillis(), point.value(), point.version()));
                        }
                    }
                    return records;
                }
            }
            LockSupport.parkNanos(100_000_000L);
        }
        throw new UnknownOutcomeException("no replica showed the read barrier " + barrier + " within " + READ_WAIT, null);
    }

    private void send(RecordVersion record) {
        WriteRecordsRequest request = WriteRecordsRequest.newBuilder()
                .setDatabaseName(database)
                .setTableName(table)
                .addRecords(Record.newBuilder()
                        .addDimensions(Dimension.newBuilder().setName(SERIES_DIMENSION).setValue(record.series()))
                        .setMeasureName(MEASURE)
                        .setMeasureValue(record.value())
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_VARCHAR)
                        .setTime(Long.toString(record.time()))
                        .setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS)
                        .setVersion(record.version()))
                .build();
        RuntimeException uncertain = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                client.writeRecords(request);
                return;
            } catch (StrataClientException failure) {
                StrataException translated = new StrataException(ErrorCode.fromErrorName(failure.errorName()),
                        failure.getMessage(), failure);
                if (OutcomeClassifier.classify(translated) == Phase.FAIL) {
                    if (uncertain == null) {
                        throw translated;
                    }
                    throw new UnknownOutcomeException("attempt " + attempt + " failed definitely (" + failure.errorName()
                            + ") but an earlier attempt may have been applied: " + uncertain.getMessage(), failure);
                }
                uncertain = failure;
            } catch (RuntimeException failure) {
                uncertain = failure;
            }
            LockSupport.parkNanos(200_000_000L * attempt);
        }
        throw new UnknownOutcomeException("no answer after " + attempts + " attempts: " + uncertain.getMessage(), uncertain);
    }

    @Override
    public void close() {
        client.close();
    }
}
