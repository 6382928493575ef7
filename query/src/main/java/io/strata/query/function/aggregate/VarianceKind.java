package io.strata.query.function.aggregate;

/** Which second-moment statistic a {@link VarianceAccumulator} reports. */
public enum VarianceKind {
    /** {@code var_samp}, {@code variance}: M2 / (n - 1); NULL below two rows. */
    VARIANCE_SAMPLE,
    /** {@code var_pop}: M2 / n; 0 for one row. */
    VARIANCE_POPULATION,
    /** {@code stddev_samp}, {@code stddev}: the square root of the sample variance. */
    STANDARD_DEVIATION_SAMPLE,
    /** {@code stddev_pop}. */
    STANDARD_DEVIATION_POPULATION;

    double finish(long count, double m2) {
        double variance = switch (this) {
            case VARIANCE_SAMPLE, STANDARD_DEVIATION_SAMPLE -> m2 / (count - 1);
            case VARIANCE_POPULATION, STANDARD_DEVIATION_POPULATION -> m2 / count;
        };
        return this == STANDARD_DEVIATION_SAMPLE || this == STANDARD_DEVIATION_POPULATION ? Math.sqrt(variance) : variance;
    }

    long minimumCount() {
        return this == VARIANCE_SAMPLE || this == STANDARD_DEVIATION_SAMPLE ? 2 : 1;
    }
}
