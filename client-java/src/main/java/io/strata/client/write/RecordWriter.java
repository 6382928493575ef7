package io.strata.client.write;

import io.strata.api.v1.Record;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.client.error.ErrorDecoder;
import io.strata.client.error.RecordRejectedException;
import io.strata.client.error.RejectedRecord;
import io.strata.client.error.RejectedRecordsException;
import io.strata.client.error.StrataClientException;
import io.strata.client.transport.RetryingCaller;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes records in batches: records of one table are gathered into WriteRecords requests of up to
 * {@link RecordWriterSettings#maxRecordsPerRequest()} records, sent when full or after the linger
 * time, with at most {@link RecordWriterSettings#maxRequestsInFlight()} requests outstanding.
 *
 * <p>Every {@link #write} returns the record's own future: it completes with a {@link WriteResult}
 * when the server stored the record, or fails with a {@link RecordRejectedException} (this record
 * was rejected; the others of its request were stored), or with the
 * {@link StrataClientException} that failed its whole request (validation errors are not retried;
 * retryable errors are retried with backoff until the retry policy gives up). Retries resend the
 * same records, which Timestream's duplicate rule makes idempotent.
 *
 * <p>Memory is bounded: at most {@link RecordWriterSettings#maxBufferedRecords()} records are held
 * (waiting, in flight or being retried). At the bound, {@code write} blocks or fails fast per
 * {@link RecordWriterSettings#bufferFullPolicy()}, so a throttling server slows the producer down
 * instead of filling the heap.
 *
 * <p>Thread-safe: any number of threads may write, flush and close concurrently. Records of one
 * table written by one thread are sent in write order, but requests run concurrently and retries
 * can reorder them on the server. Futures complete on gRPC or scheduler threads: do not block in
 * their callbacks (in particular, do not call a blocking {@code write} from them).
 */
public final class RecordWriter implements AutoCloseable {
    private final RetryingCaller caller;
    private final RecordWriterSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<RecordWriter> onClose;
    private final Semaphore bufferSpace;

    private final ReentrantLock lock = new ReentrantLock();
    /** Batches still taking records, one per table. */
    private final Map<TableId, Batch> filling = new HashMap<>();
    /** Sealed batches waiting for a free in-flight slot, oldest first. */
    private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
    /** Sealed batches not yet done (waiting or in flight), for flush(). */
    private final Set<Batch> unfinished = new LinkedHashSet<>();
    private int requestsInFlight;
    private boolean closed;

    /**
     * Use {@code StrataClient.newRecordWriter}; this constructor is the client's.
     *
     * @param caller sends WriteRecords with retries and failover
     * @param settings batching, bounds and retries
     * @param scheduler runs linger timers (owned by the client)
     * @param clock time of acknowledgements
     * @param onClose told when the writer is closed (after it drained)
     */
    public RecordWriter(RetryingCaller caller, RecordWriterSettings settings, ScheduledExecutorService scheduler, Clock clock,
            Consumer<RecordWriter> onClose) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.bufferSpace = new Semaphore(settings.maxBufferedRecords());
    }

    /**
     * Takes {@code record} for table {@code tableName} of database {@code databaseName}.
     *
     * @return the record's future (see the class comment)
     * @throws RecordBufferFullException at the bound under {@link BufferFullPolicy#FAIL_FAST}, or when
     *     interrupted while waiting under {@link BufferFullPolicy#BLOCK} (the interrupt flag stays set)
     * @throws IllegalStateException when the writer is closed
     */
    public CompletableFuture<WriteResult> write(String databaseName, String tableName, Record record) {
        TableId table = new TableId(databaseName, tableName);
        Objects.requireNonNull(record, "record");
        ensureOpen();
        takeBufferSpace();
        CompletableFuture<WriteResult> future = new CompletableFuture<>();
        List<Batch> toSend;
        lock.lock();
        try {
            if (closed) {
                bufferSpace.release();
                throw new IllegalStateException("the record writer is closed");
            }
            Batch batch = filling.get(table);
            if (batch == null) {
                batch = new Batch(table, settings.maxRecordsPerRequest());
                filling.put(table, batch);
                startLingerTimer(batch);
            }
            batch.add(record, future);
            if (batch.size() >= settings.maxRecordsPerRequest()) {
                seal(batch);
            }
            toSend = takeSendable();
        } finally {
            lock.unlock();
        }
        send(toSend);
        return future;
    }

    /**
     * Sends every partly filled request now. The future completes once every record written before
     * this call has its outcome (successful or not; see each record's future). Never fails.
     */
    public CompletableFuture<Void> flush() {
        List<Batch> toSend;
        CompletableFuture<?>[] pending;
        lock.lock();
        try {
            for (Batch batch : List.copyOf(filling.values())) {
                seal(batch);
            }
            pending = unfinished.stream().map(batch -> batch.done).toArray(CompletableFuture[]::new);
            toSend = takeSendable();
        } finally {
            lock.unlock();
        }
        send(toSend);
        return CompletableFuture.allOf(pending);
    }

    /** Records taken and not yet acknowledged or failed. */
    public int bufferedRecords() {
        return settings.maxBufferedRecords() - bufferSpace.availablePermits();
    }

    /** The settings this writer runs with. */
    public RecordWriterSettings settings() {
        return settings;
    }

    /**
     * Stops taking records and waits until every record taken has its outcome (sent, retried as the
     * policy allows). Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        flush().join();
        onClose.accept(this);
    }

    private void ensureOpen() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the record writer is closed");
            }
        } finally {
            lock.unlock();
        }
    }

    private void takeBufferSpace() {
        if (settings.bufferFullPolicy() == BufferFullPolicy.FAIL_FAST) {
            if (!bufferSpace.tryAcquire()) {
                throw new RecordBufferFullException("the record writer holds its bound of " + settings.maxBufferedRecords()
                        + " unacknowledged records; write again once earlier records are acknowledged");
            }
            return;
        }
        try {
            bufferSpace.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RecordBufferFullException("interrupted while waiting for space among the record writer's "
                    + settings.maxBufferedRecords() + " buffered records");
        }
    }

    /** Called with the lock held. */
    private void startLingerTimer(Batch batch) {
        try {
            batch.lingerTimer = scheduler.schedule(() -> lingerExpired(batch), settings.linger().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException clientClosed) {
            // The client is closing; flush() or close() seals the batch.
        }
    }

    private void lingerExpired(Batch batch) {
        List<Batch> toSend;
        lock.lock();
        try {
            if (filling.get(batch.table) != batch) {
                return;
            }
            seal(batch);
            toSend = takeSendable();
        } finally {
            lock.unlock();
        }
        send(toSend);
    }

    /** Called with the lock held: the batch takes no more records and queues for sending. */
    private void seal(Batch batch) {
        filling.remove(batch.table, batch);
        if (batch.lingerTimer != null) {
            batch.lingerTimer.cancel(false);
        }
        waiting.addLast(batch);
        unfinished.add(batch);
    }

    /** Called with the lock held: the batches that may go now, counted as in flight. */
    private List<Batch> takeSendable() {
        if (waiting.isEmpty() || requestsInFlight >= settings.maxRequestsInFlight()) {
            return List.of();
        }
        List<Batch> sendable = new ArrayList<>();
        while (!waiting.isEmpty() && requestsInFlight < settings.maxRequestsInFlight()) {
            sendable.add(waiting.pollFirst());
            requestsInFlight++;
        }
        return sendable;
    }

    private void send(List<Batch> batches) {
        for (Batch batch : batches) {
            caller.call(WriteServiceGrpc.getWriteRecordsMethod(), batch.toRequest(), settings.retryPolicy(),
                            attempt -> batch.attempts = attempt)
                    .whenComplete((response, failure) -> finished(batch, failure));
        }
    }

    private void finished(Batch batch, Throwable failure) {
        try {
            if (failure == null) {
                WriteResult result = new WriteResult(batch.table.databaseName(), batch.table.tableName(), batch.attempts, clock.instant());
                batch.futures.forEach(future -> future.complete(result));
            } else {
                StrataClientException error = ErrorDecoder.decode(failure);
                if (error instanceof RejectedRecordsException rejected) {
                    handOutRejections(batch, rejected);
                } else {
                    batch.futures.forEach(future -> future.completeExceptionally(error));
                }
            }
        } finally {
            // Space is freed only after each future completed, so a producer never holds more than the
            // bound of records whose outcome it has not seen.
            bufferSpace.release(batch.size());
            List<Batch> toSend;
            lock.lock();
            try {
                requestsInFlight--;
                unfinished.remove(batch);
                toSend = takeSendable();
            } finally {
                lock.unlock();
            }
            batch.done.complete(null);
            send(toSend);
        }
    }

    private void handOutRejections(Batch batch, RejectedRecordsException rejected) {
        RecordRejectedException[] byIndex = new RecordRejectedException[batch.size()];
        for (RejectedRecord record : rejected.rejectedRecords()) {
            if (record.recordIndex() < byIndex.length) {
                byIndex[record.recordIndex()] = new RecordRejectedException(batch.records.get(record.recordIndex()),
                        record.reason(), record.existingVersion(), rejected.httpStatus());
            }
        }
        WriteResult stored = new WriteResult(batch.table.databaseName(), batch.table.tableName(), batch.attempts, clock.instant());
        for (int index = 0; index < byIndex.length; index++) {
            if (byIndex[index] != null) {
                batch.futures.get(index).completeExceptionally(byIndex[index]);
            } else {
                batch.futures.get(index).complete(stored);
            }
        }
    }
}
