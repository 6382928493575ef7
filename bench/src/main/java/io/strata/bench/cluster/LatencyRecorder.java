package io.strata.bench.cluster;

import java.util.Arrays;

/** Request latencies of one writer thread, in microseconds; merged after the run. Not thread-safe. */
public final class LatencyRecorder {
    private long[] micros = new long[1024];
    private int count;

    public void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    /** All latencies of {@code recorders}, sorted ascending. */
    public static long[] sortedMerge(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.micros, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code quantile} (0..1) of sorted latencies in milliseconds, NaN if there are none. */
    public static double quantileMillis(long[] sortedMicros, double quantile) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(quantile * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }
}
