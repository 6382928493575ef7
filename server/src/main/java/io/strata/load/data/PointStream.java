package io.strata.load.data;

import java.util.List;
import java.util.SequencedMap;

/**
 * An endless, seeded source of multi-measure points for a fixed set of series, one point per series
 * per time step, produced without holding the dataset in memory (for {@code strata load}; the
 * {@code *Generator} classes build whole datasets for benchmarks). Each series has its own random
 * stream split from the seed, so the points of a series do not depend on how many series there are
 * after it or on the order the series are advanced in.
 *
 * <p>Not thread-safe: one thread advances a stream.
 */
public sealed interface PointStream permits DevopsCpuStream, IotSensorStream {
    /** The measure name of the multi-measure records ({@code cpu}, {@code sensor_metrics}). */
    String measureName();

    /** The names of the values of each point, in order. */
    List<String> fields();

    /** How many series there are. */
    int seriesCount();

    /** The dimensions (name to value) that identify series {@code series}, in a fixed order. */
    SequencedMap<String, String> dimensions(int series);

    /**
     * Advances series {@code series} by one point: writes its values (one per field) into
     * {@code values} and returns its time in epoch nanoseconds.
     */
    long next(int series, double[] values);
}
