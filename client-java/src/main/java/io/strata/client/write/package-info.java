/**
 * Batched writes: {@link io.strata.client.write.RecordWriter} groups records per table into
 * WriteRecords requests, bounds the records it holds and the requests in flight, retries what may
 * succeed later, and hands each record's outcome back through its own future.
 */
package io.strata.client.write;

