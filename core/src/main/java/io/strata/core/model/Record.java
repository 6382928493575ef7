package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * A validated record: a series, a time, a version and a measure (one typed value or MULTI).
 *
 * <p>Invariants: time is nanoseconds since the epoch, never negative; version ≥ 1 (1 when the
 * writer gave none); a single value is never TIMESTAMP (Timestream allows TIMESTAMP only inside
 * MULTI); the size (8 bytes of time + UTF-8 dimension names and values + UTF-8 measure name +
 * value sizes, spec §1.6) is at most 2048 bytes.
 */
public record Record(SeriesKey series, long time, long version, Measure measure) {
    public static final long DEFAULT_VERSION = 1;
    public static final int MAXIMUM_SIZE_BYTES = 2048;
    /** What the time contributes to a record's size. */
    public static final int TIME_BYTES = 8;

    public Record {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(measure, "measure");
        if (time < 0) {
            throw new ValidationException("Invalid time for record.");
        }
        if (version < 1) {
            throw ConstraintViolations.toException(ConstraintViolation.minValue(version, "version", 1));
        }
        if (measure instanceof MeasureValue value && !value.type().allowedAsSingleMeasure()) {
            throw new ValidationException(singleTimestampReason());
        }
        int size = sizeInBytes(series, measure);
        if (size > MAXIMUM_SIZE_BYTES) {
            throw new ValidationException(tooLargeReason(size));
        }
    }

    public static Record of(SeriesKey series, long time, Measure measure) {
        return new Record(series, time, DEFAULT_VERSION, measure);
    }

    public List<Dimension> dimensions() {
        return series.dimensions();
    }

    public MeasureName measureName() {
        return series.measureName();
    }

    public int sizeInBytes() {
        return sizeInBytes(series, measure);
    }

    public static int sizeInBytes(SeriesKey series, Measure measure) {
        return TIME_BYTES + series.sizeInBytes() + measure.sizeInBytes();
    }

    /** The reason a record over the size limit is refused. */
    public static String tooLargeReason(int sizeInBytes) {
        return "The record size is " + sizeInBytes + " bytes, which exceeds the maximum record size of "
                + MAXIMUM_SIZE_BYTES + " bytes (8 bytes of time + dimension names and values + measure name "
                + "+ measure values).";
    }

    /** The reason a single-measure TIMESTAMP record is refused. */
    public static String singleTimestampReason() {
        return "MeasureValueType TIMESTAMP is only supported inside a MULTI record's MeasureValues.";
    }
}
