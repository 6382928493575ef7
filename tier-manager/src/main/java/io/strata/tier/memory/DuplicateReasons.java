package io.strata.tier.memory;

import io.strata.core.model.MeasureValueType;

/** Timestream's rejection reasons for duplicate points, verbatim (spec §2.4). */
public final class DuplicateReasons {
    /** Same time, dimensions, measure name and version, different value. */
    public static final String SAME_VERSION =
            "A record already exists with the same time, dimensions, measure name, and record version. "
                    + "A higher record version must be specified in order to update the measure value. "
                    + "Specifying record version is supported by the latest SDKs.";

    private DuplicateReasons() {
    }

    /** A different value with a version below the stored one. */
    public static String lowerVersion(long version, long existingVersion) {
        return "The record version " + version + " is lower than the existing version " + existingVersion
                + ". A higher version is required to update the measure value.";
    }

    /**
     * A value whose type differs from what the series already stores under that name. The
     * coordinator's schema check normally refuses these first; this is the storage's last line.
     */
    public static String typeConflict(String name, MeasureValueType existing, MeasureValueType written) {
        return "Measure '" + name + "' has type " + existing + " in this table; the record writes it as " + written
                + ". A measure keeps the type it was first written with: write this value under another measure name "
                + "or with type " + existing + ".";
    }
}
