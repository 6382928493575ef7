package io.strata.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * Timestream's measure value types, in the model's order (which Coral prints in enum errors).
 * TIMESTAMP is only allowed inside a MULTI record; MULTI marks a multi-measure record.
 */
public enum MeasureValueType {
    DOUBLE,
    BIGINT,
    VARCHAR,
    BOOLEAN,
    TIMESTAMP,
    MULTI;

    /** The wire names, as listed in enum violations. */
    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** The type used when a record and its common attributes do not name one. */
    public static final MeasureValueType DEFAULT = DOUBLE;

    /** The type spelled exactly {@code wireName} (case-sensitive), or null if none is. */
    public static MeasureValueType fromWireName(String wireName) {
        if (wireName == null) {
            return null;
        }
        for (MeasureValueType type : values()) {
            if (type.name().equals(wireName)) {
                return type;
            }
        }
        return null;
    }

    /** Whether a single-measure record may carry a value of this type. */
    public boolean allowedAsSingleMeasure() {
        return this != TIMESTAMP && this != MULTI;
    }
}
