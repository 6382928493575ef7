package io.strata.chaos.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable sequence of events, in recording order, and the operations they pair into.
 * Construction checks that the events form a well-formed history: every completion follows the
 * invocation of the same operation, at most one completion per operation, and a process never has
 * two operations open at once.
 */
public final class History {
    private final List<HistoryEvent> events;
    private final List<Operation> operations;

    private History(List<HistoryEvent> events) {
        this.events = List.copyOf(events);
        this.operations = pair(this.events);
    }

    public static History of(List<HistoryEvent> events) {
        return new History(events);
    }

    public List<HistoryEvent> events() {
        return events;
    }

    /** Every operation, in invocation order. */
    public List<Operation> operations() {
        return operations;
    }

    private static List<Operation> pair(List<HistoryEvent> events) {
        Map<Long, HistoryEvent> invocations = new LinkedHashMap<>();
        Map<Long, HistoryEvent> completions = new LinkedHashMap<>();
        Map<Integer, Long> openByProcess = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            long id = event.operationId();
            if (event.phase() == Phase.INVOKE) {
                if (invocations.putIfAbsent(id, event) != null) {
                    throw new IllegalArgumentException("operation " + id + " invoked twice");
                }
                Long open = openByProcess.putIfAbsent(event.process(), id);
                if (open != null) {
                    throw new IllegalArgumentException("process " + event.process() + " invoked operation " + id
                            + " while operation " + open + " was still open");
                }
            } else {
                HistoryEvent invocation = invocations.get(id);
                if (invocation == null) {
                    throw new IllegalArgumentException("operation " + id + " completed without invocation");
                }
                if (completions.putIfAbsent(id, event) != null) {
                    throw new IllegalArgumentException("operation " + id + " completed twice");
                }
                if (invocation.process() != event.process()) {
                    throw new IllegalArgumentException("operation " + id + " completed by another process");
                }
                openByProcess.remove(event.process());
            }
        }
        List<Operation> operations = new ArrayList<>(invocations.size());
        for (HistoryEvent invocation : invocations.values()) {
            HistoryEvent completion = completions.get(invocation.operationId());
            operations.add(new Operation(
                    invocation.operationId(),
                    invocation.process(),
                    invocation.type(),
                    invocation.series(),
                    invocation.record(),
                    completion == null ? Phase.INFO : completion.phase(),
                    completion == null ? List.of() : completion.observed(),
                    completion == null ? "never completed" : completion.error(),
                    invocation.nanos(),
                    completion == null ? Long.MAX_VALUE : completion.nanos()));
        }
        return List.copyOf(operations);
    }
}
