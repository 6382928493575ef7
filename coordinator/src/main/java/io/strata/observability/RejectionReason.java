package io.strata.observability;

import java.util.Locale;

/**
 * The class of reason a record was rejected for: a bounded set, so that it can label a metric (the
 * Timestream reason text itself carries timestamps and versions and would make one series per record).
 */
public enum RejectionReason {
    /** The record's time is outside the memory-store window (and the magnetic window, if enabled). */
    OUTSIDE_TIME_WINDOW,
    /** Same series and time as a stored record with a different value, and no higher version. */
    VERSION_CONFLICT,
    /** The record breaks a limit, the table's schema or its partition key. */
    INVALID_RECORD;

    /** The label value in the exposition, e.g. {@code outside_time_window}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The class of a Timestream {@code RejectedRecord.Reason} text. Recognises the texts Strata writes
     * (the verbatim Timestream ones for the window and version cases); anything else is a record the
     * user must fix, so {@link #INVALID_RECORD}.
     */
    public static RejectionReason classify(String timestreamReason) {
        if (timestreamReason.startsWith("The record timestamp is outside the time range")) {
            return OUTSIDE_TIME_WINDOW;
        }
        if (timestreamReason.startsWith("A record already exists with the same time, dimensions, measure name")
                || (timestreamReason.startsWith("The record version ")
                        && timestreamReason.contains("is lower than the existing version"))) {
            return VERSION_CONFLICT;
        }
        return INVALID_RECORD;
    }
}
