/**
 * How calls reach the cluster: channels per endpoint with failover, deadlines, call credentials,
 * and retries with exponential backoff and seeded jitter. Used by the admin, write and query
 * parts of the client; not meant to be used directly.
 */
package io.strata.client.transport;
