package io.strata.chaos.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The series the workload writes, renewed every {@code generationLength}: generation g uses series
 * {@code g<g>-s0 … g<g>-s<n-1>}. A read returns a whole series and the history keeps every read's
 * records, so series that grew for the whole run made a 30-minute history outgrow the test JVM's
 * heap; fresh series keep each read small while every series is still checked to the end.
 * Thread-safe: a pure function of the monotonic clock.
 */
final class SeriesGenerations {
    private final int seriesPerGeneration;
    private final long generationNanos;
    private final LongSupplier monotonicNanos;
    private final long startNanos;

    SeriesGenerations(int seriesPerGeneration, Duration generationLength, LongSupplier monotonicNanos) {
        if (seriesPerGeneration < 1 || generationLength.isNegative() || generationLength.isZero()) {
            throw new IllegalArgumentException("at least one series and a positive generation length");
        }
        this.seriesPerGeneration = seriesPerGeneration;
        this.generationNanos = generationLength.toNanos();
        this.monotonicNanos = monotonicNanos;
        this.startNanos = monotonicNanos.getAsLong();
    }

    /** The series of the generation now running. */
    List<String> current() {
        return generation(currentGeneration());
    }

    /** Every series of every generation so far, oldest first: what the final read covers. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        for (long generation = 0; generation <= currentGeneration(); generation++) {
            all.addAll(generation(generation));
        }
        return all;
    }

    private long currentGeneration() {
        return Math.max(0, monotonicNanos.getAsLong() - startNanos) / generationNanos;
    }

    private List<String> generation(long generation) {
        List<String> names = new ArrayList<>(seriesPerGeneration);
        for (int i = 0; i < seriesPerGeneration; i++) {
            names.add("g" + generation + "-s" + i);
        }
        return names;
    }
}
