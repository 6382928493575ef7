package io.strata.observability;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The node's liveness and readiness, as named checks that fail with a reason and recover.
 *
 * <ul>
 *   <li><b>Live</b>: the process is worth keeping; a supervisor restarts it when not (e.g. a fatal storage
 *       error). Live unless a liveness check fails.</li>
 *   <li><b>Ready</b>: the node should receive traffic. Not ready while any liveness or readiness check fails
 *       (e.g. ZooKeeper unreachable, Raft groups still starting). A new status is not ready: the
 *       {@value #STARTUP} check fails until the node reports it ready, once it has started.</li>
 * </ul>
 *
 * <p>Thread-safe; any thread may report. Reports are idempotent: failing a check again replaces its reason,
 * recovering a check that is not failing does nothing.
 */
public final class HealthStatus {
    /** The readiness check that fails from construction until the node says it has started. */
    public static final String STARTUP = "startup";

    private final ConcurrentSkipListMap<String, String> livenessFailures = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, String> readinessFailures = new ConcurrentSkipListMap<>();

    public HealthStatus() {
        readinessFailures.put(STARTUP, "the node is starting");
    }

    /** Readiness check {@code check} fails: the node should not receive traffic, because {@code reason}. */
    public void notReady(String check, String reason) {
        readinessFailures.put(requireText(check, "check"), requireText(reason, "reason"));
    }

    /** Readiness check {@code check} passes again. */
    public void ready(String check) {
        readinessFailures.remove(requireText(check, "check"));
    }

    /** Liveness check {@code check} fails: the process should be restarted, because {@code reason}. */
    public void notLive(String check, String reason) {
        livenessFailures.put(requireText(check, "check"), requireText(reason, "reason"));
    }

    /** Liveness check {@code check} passes again. */
    public void live(String check) {
        livenessFailures.remove(requireText(check, "check"));
    }

    public HealthReport liveness() {
        SortedMap<String, String> reasons = new TreeMap<>(livenessFailures);
        return new HealthReport(reasons.isEmpty(), reasons);
    }

    /** Failing liveness checks make the node not ready too; they are listed with the readiness ones. */
    public HealthReport readiness() {
        SortedMap<String, String> reasons = new TreeMap<>(readinessFailures);
        reasons.putAll(livenessFailures);
        return new HealthReport(reasons.isEmpty(), reasons);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
