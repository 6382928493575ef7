package io.strata.query.function.aggregate;

import io.strata.core.error.QueryExecutionException;
import java.util.Arrays;

/**
 * A mergeable quantile sketch with a relative-error guarantee on values (the DDSketch idea,
 * Masson et al., VLDB 2019): |x| falls into logarithmic bucket {@code ceil(log_gamma |x|)} with
 * {@code gamma = (1 + a) / (1 - a)}, and a bucket answers with the value within relative error
 * {@code a} of everything in it. Hence:
 *
 * <p><b>Bound.</b> {@link #quantile}(q) is within {@code a * |v|} of v, the exact value of rank
 * {@code floor(q * (n - 1))} (0-based) among the n added values, clamped to the exact [min, max].
 * q = 0 and q = 1 give the exact min and max.
 *
 * <p>Merging adds bucket counts, so it is exact, commutative and associative: a sketch merged from
 * parts in any order answers exactly what one sketch of all values would. NaN is ignored; +-Infinity
 * and zero are counted apart. Memory grows with the span of magnitudes: about
 * {@code ln(max/min) / (2a)} counters per sign (690 for 1..1e6 at a = 1%). Not thread-safe.
 */
public final class RelativeErrorQuantileSketch {
    /** Timestream/Trino's default accuracy parameter. */
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

    private final double relativeAccuracy;
    private final double logGamma;
    private final double bucketValueFactor;
    private final BucketCounts positives = new BucketCounts();
    private final BucketCounts negatives = new BucketCounts();
    private long zeroCount;
    private long positiveInfinityCount;
    private long negativeInfinityCount;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public RelativeErrorQuantileSketch(double relativeAccuracy) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("relative accuracy must be in (0, 1): " + relativeAccuracy);
        }
        this.relativeAccuracy = relativeAccuracy;
        double gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.logGamma = Math.log(gamma);
        this.bucketValueFactor = 2.0 / (1 + gamma);
    }

    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    public long count() {
        return count;
    }

    public void add(double value) {
        add(value, 1);
    }

    /** Adds {@code value} {@code weight} times; weight must be positive. */
    public void add(double value, long weight) {
        if (Double.isNaN(value)) {
            return;
        }
        if (value > 0) {
            if (value == Double.POSITIVE_INFINITY) {
                positiveInfinityCount += weight;
            } else {
                positives.add(bucketIndex(value), weight);
            }
        } else if (value < 0) {
            if (value == Double.NEGATIVE_INFINITY) {
                negativeInfinityCount += weight;
            } else {
                negatives.add(bucketIndex(-value), weight);
            }
        } else {
            zeroCount += weight;
        }
        count += weight;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    private int bucketIndex(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / logGamma);
    }

    private double bucketValue(int index) {
        return Math.exp(index * logGamma) * bucketValueFactor;
    }

    public void merge(RelativeErrorQuantileSketch other) {
        if (other.relativeAccuracy != relativeAccuracy) {
            throw new QueryExecutionException("cannot merge quantile sketches of accuracy " + relativeAccuracy
                    + " and " + other.relativeAccuracy);
        }
        positives.merge(other.positives);
        negatives.merge(other.negatives);
        zeroCount += other.zeroCount;
        positiveInfinityCount += other.positiveInfinityCount;
        negativeInfinityCount += other.negativeInfinityCount;
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** The value at quantile {@code q} in [0, 1] (see the class comment for the bound), NaN when empty. */
    public double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        if (q <= 0) {
            return min;
        }
        if (q >= 1) {
            return max;
        }
        double rank = q * (count - 1);
        long seen = negativeInfinityCount;
        if (seen > rank) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = negatives.counts.length - 1; i >= 0; i--) {
            seen += negatives.counts[i];
            if (seen > rank) {
                return clamp(-bucketValue(negatives.offset + i));
            }
        }
        seen += zeroCount;
        if (seen > rank) {
            return 0.0;
        }
        for (int i = 0; i < positives.counts.length; i++) {
            seen += positives.counts[i];
            if (seen > rank) {
                return clamp(bucketValue(positives.offset + i));
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    void write(PartialStateWriter out) {
        out.writeDouble(relativeAccuracy).writeLong(count).writeLong(zeroCount)
                .writeLong(positiveInfinityCount).writeLong(negativeInfinityCount)
                .writeDouble(min).writeDouble(max);
        positives.write(out);
        negatives.write(out);
    }

    static RelativeErrorQuantileSketch read(PartialStateReader in) {
        double relativeAccuracy = in.readDouble();
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new QueryExecutionException("quantile sketch state has accuracy " + relativeAccuracy);
        }
        RelativeErrorQuantileSketch sketch = new RelativeErrorQuantileSketch(relativeAccuracy);
        sketch.count = in.readLong();
        sketch.zeroCount = in.readLong();
        sketch.positiveInfinityCount = in.readLong();
        sketch.negativeInfinityCount = in.readLong();
        sketch.min = in.readDouble();
        sketch.max = in.readDouble();
        sketch.positives.read(in);
        sketch.negatives.read(in);
        return sketch;
    }

    /** Counts for a contiguous range of bucket indexes, growing at either end as needed. */
    private static final class BucketCounts {
        private long[] counts = new long[0];
        private int offset;

        void add(int index, long weight) {
            if (counts.length == 0) {
                counts = new long[8];
                offset = index - 4;
            } else if (index < offset || index >= offset + counts.length) {
                cover(Math.min(index, offset), Math.max(index, offset + counts.length - 1));
            }
            counts[index - offset] += weight;
        }

        /** Re-lays the array to cover [low, high], with slack on the side it grows towards. */
        private void cover(int low, int high) {
            int slack = Math.max(8, (high - low + 1) / 2);
            int newLow = low < offset ? low - slack : offset;
            int newHigh = high > offset + counts.length - 1 ? high + slack : offset + counts.length - 1;
            long[] grown = new long[newHigh - newLow + 1];
            System.arraycopy(counts, 0, grown, offset - newLow, counts.length);
            counts = grown;
            offset = newLow;
        }

        void merge(BucketCounts other) {
            for (int i = 0; i < other.counts.length; i++) {
                if (other.counts[i] != 0) {
                    add(other.offset + i, other.counts[i]);
                }
            }
        }

        void write(PartialStateWriter out) {
            int first = 0;
            int last = counts.length - 1;
            while (first <= last && counts[first] == 0) {
                first++;
            }
            while (last >= first && counts[last] == 0) {
                last--;
            }
            out.writeInt(offset + first).writeInt(last - first + 1);
            for (int i = first; i <= last; i++) {
                out.writeLong(counts[i]);
            }
        }

        void read(PartialStateReader in) {
            int first = in.readInt();
            int length = in.readInt();
            if (length < 0 || length > 1 << 20) {
                throw new QueryExecutionException("quantile sketch state has " + length + " buckets");
            }
            offset = first;
            counts = new long[length];
            for (int i = 0; i < length; i++) {
                counts[i] = in.readLong();
            }
        }

        @Override
        public String toString() {
            return "BucketCounts[offset=" + offset + ", " + Arrays.toString(counts) + "]";
        }
    }
}
