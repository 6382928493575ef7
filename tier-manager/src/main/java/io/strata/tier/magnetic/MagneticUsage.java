package io.strata.tier.magnetic;

/**
 * What a magnetic store holds, as reported to operators: the live segments of every partition
 * (those the manifests in force list) and their encoded size.
 */
public record MagneticUsage(long segments, long bytes) {
    public static final MagneticUsage EMPTY = new MagneticUsage(0, 0);

    public MagneticUsage {
        if (segments < 0 || bytes < 0) {
            throw new IllegalArgumentException("usage cannot be negative: " + segments + "/" + bytes);
        }
    }
}
