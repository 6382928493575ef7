package io.strata.chaos.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo actions for everything a run creates on the host (processes, namespaces, bridges, firewall
 * rules, mounts), run newest first on {@link #close()} — and by a JVM shutdown hook if the run is
 * interrupted or a test fails before closing. Each action runs at most once; a failing action does
 * not stop the others. Thread-safe.
 */
public final class Teardown implements AutoCloseable {
    /** An undo action; may throw, the failure is collected and reported. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private record Entry(String what, Action action) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::runAll, "chaos-teardown");
    private boolean closed;

    public Teardown() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Registers an undo action; returns a handle that runs it early (and only once). */
    public synchronized AutoCloseable register(String what, Action action) {
        if (closed) {
            throw new IllegalStateException("teardown already ran; cannot register " + what);
        }
        Entry entry = new Entry(what, action);
        entries.push(entry);
        return () -> {
            boolean present;
            synchronized (this) {
                present = entries.remove(entry);
            }
            if (present) {
                entry.action().run();
            }
        };
    }

    @Override
    public void close() {
        List<Exception> failures = runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran: nothing left to remove.
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("teardown left " + failures.size() + " failure(s)");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private List<Exception> runAll() {
        List<Exception> failures = new ArrayList<>();
        while (true) {
            Entry entry;
            synchronized (this) {
                closed = true;
                entry = entries.poll();
            }
            if (entry == null) {
                return failures;
            }
            try {
                entry.action().run();
            } catch (Exception e) {
                failures.add(new IllegalStateException("cannot undo " + entry.what() + ": " + e.getMessage(), e));
            }
        }
    }
}
