package io.strata.core.model;

import io.strata.core.error.ValidationException;
import io.strata.core.time.TimeUnit;
import java.util.Objects;

/**
 * A TIMESTAMP measure value (multi-measure records only): nanoseconds since the epoch within
 * Timestream's write range {@code 1970-01-01T00:00:00Z .. 2262-04-11T23:47:16.854775807Z}. Not
 * subject to the ingestion window.
 */
public record TimestampValue(long epochNanos) implements MeasureValue {
    public TimestampValue {
        if (epochNanos < 0) {
            throw new ValidationException("Measure value " + epochNanos
                    + " is not a valid TIMESTAMP: timestamps before 1970-01-01T00:00:00Z cannot be written.");
        }
    }

    public static TimestampValue parse(String text, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        long nanos = unit.epochNanosOrMinusOne(text);
        if (nanos < 0) {
            throw new ValidationException("Measure value '" + text + "' is not a valid TIMESTAMP: expected a "
                    + "non-negative whole number of " + unit + " since the Unix epoch, "
                    + "at most 2262-04-11T23:47:16.854775807Z.");
        }
        return new TimestampValue(nanos);
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.TIMESTAMP;
    }

    @Override
    public int sizeInBytes() {
        return Long.BYTES;
    }

    @Override
    public String text() {
        return Long.toString(epochNanos);
    }
}
