/**
 * What a running node tells its operators: Prometheus metrics ({@link io.strata.observability.StrataMetrics}),
 * liveness and readiness ({@link io.strata.observability.HealthStatus}), and the small HTTP server that
 * exposes both on the node's metrics port ({@link io.strata.observability.ObservabilityHttpServer}).
 *
 * <p>Contract for the modules that feed it: every recording method is thread-safe, non-blocking and
 * allocation-free on the hot path (meters are created once, up front); recordings are not idempotent
 * (calling twice counts twice), so call them once per event, after the outcome is known. Gauge probes are
 * called on the scrape thread, concurrently with the node's own threads, and must be cheap and thread-safe.
 * Nothing here reads the clock: callers measure durations (with their injected clock or
 * {@link System#nanoTime()}) and pass them in.
 */
package io.strata.observability;
