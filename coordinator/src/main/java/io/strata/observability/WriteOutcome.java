package io.strata.observability;

import java.util.Locale;

/** How a WriteRecords request ended, as the client saw it. */
public enum WriteOutcome {
    /** Every record was stored. */
    SUCCESS,
    /** Some records were stored and the rest rejected ({@code RejectedRecordsException}). */
    REJECTED_RECORDS,
    /** Nothing was stored: a request-level error (validation, throttling, unavailable, internal). */
    ERROR;

    /** The label value in the exposition, e.g. {@code rejected_records}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
