/**
 * Query results: {@link io.strata.client.query.QueryResult} pages through a query lazily and
 * yields typed {@link io.strata.client.query.Row}s whose getters turn Timestream's text values
 * into Java values (TIMESTAMP to {@link java.time.Instant} with nanoseconds, arrays, rows, time
 * series, NULLs).
 */
package io.strata.client.query;
