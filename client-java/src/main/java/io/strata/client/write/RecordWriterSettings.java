package io.strata.client.write;

import io.strata.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RecordWriter} batches, bounds and retries.
 *
 * @param maxRecordsPerRequest records per WriteRecords request, 1..100 (Timestream's limit)
 * @param linger longest time a record waits for its request to fill up before it is sent anyway
 * @param maxBufferedRecords records taken but not yet acknowledged (waiting, in flight or being
 *     retried), at least 1: the bound that keeps memory flat when the server throttles
 * @param maxRequestsInFlight WriteRecords requests outstanding at once (retries included), at least 1
 * @param bufferFullPolicy what {@code write} does when {@code maxBufferedRecords} is reached
 * @param retryPolicy retries of retryable failures (throttling, server errors, unavailable)
 */
public record RecordWriterSettings(int maxRecordsPerRequest, Duration linger, int maxBufferedRecords,
        int maxRequestsInFlight, BufferFullPolicy bufferFullPolicy, RetryPolicy retryPolicy) {
    /** Timestream's limit of records per WriteRecords request. */
    public static final int MAX_RECORDS_PER_REQUEST = 100;

    public RecordWriterSettings {
        if (maxRecordsPerRequest < 1 || maxRecordsPerRequest > MAX_RECORDS_PER_REQUEST) {
            throw new IllegalArgumentException("maxRecordsPerRequest must be 1.." + MAX_RECORDS_PER_REQUEST + ", was " + maxRecordsPerRequest);
        }
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative, was " + linger);
        }
        if (maxBufferedRecords < 1) {
            throw new IllegalArgumentException("maxBufferedRecords must be >= 1, was " + maxBufferedRecords);
        }
        if (maxRequestsInFlight < 1) {
            throw new IllegalArgumentException("maxRequestsInFlight must be >= 1, was " + maxRequestsInFlight);
        }
        Objects.requireNonNull(bufferFullPolicy, "bufferFullPolicy");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** 100 records per request, 20 ms linger, 10,000 buffered records, 4 requests in flight, blocking. */
    public static RecordWriterSettings defaults() {
        return new RecordWriterSettings(MAX_RECORDS_PER_REQUEST, Duration.ofMillis(20), 10_000, 4,
                BufferFullPolicy.BLOCK, RetryPolicy.defaults());
    }

    /** These settings with another request size. */
    public RecordWriterSettings withMaxRecordsPerRequest(int records) {
        return new RecordWriterSettings(records, linger, maxBufferedRecords, maxRequestsInFlight, bufferFullPolicy, retryPolicy);
    }

    /** These settings with another linger time. */
    public RecordWriterSettings withLinger(Duration time) {
        return new RecordWriterSettings(maxRecordsPerRequest, time, maxBufferedRecords, maxRequestsInFlight, bufferFullPolicy, retryPolicy);
    }

    /** These settings with another bound of buffered records. */
    public RecordWriterSettings withMaxBufferedRecords(int records) {
        return new RecordWriterSettings(maxRecordsPerRequest, linger, records, maxRequestsInFlight, bufferFullPolicy, retryPolicy);
    }

    /** These settings with another bound of requests in flight. */
    public RecordWriterSettings withMaxRequestsInFlight(int requests) {
        return new RecordWriterSettings(maxRecordsPerRequest, linger, maxBufferedRecords, requests, bufferFullPolicy, retryPolicy);
    }

    /** These settings with another buffer-full policy. */
    public RecordWriterSettings withBufferFullPolicy(BufferFullPolicy policy) {
        return new RecordWriterSettings(maxRecordsPerRequest, linger, maxBufferedRecords, maxRequestsInFlight, policy, retryPolicy);
    }

    /** These settings with another retry policy. */
    public RecordWriterSettings withRetryPolicy(RetryPolicy policy) {
        return new RecordWriterSettings(maxRecordsPerRequest, linger, maxBufferedRecords, maxRequestsInFlight, bufferFullPolicy, policy);
    }
}
