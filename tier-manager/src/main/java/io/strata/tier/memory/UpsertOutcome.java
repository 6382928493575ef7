package io.strata.tier.memory;

/** What writing one point into a series did: Timestream's duplicate and version rules, cell by cell. */
public enum UpsertOutcome {
    /** No point at that time yet: stored. */
    INSERTED,
    /** Same values already stored (an idempotent retry): nothing changed, counted as ingested. */
    IDENTICAL,
    /** Same values with a higher version: only the version was raised. */
    VERSION_RAISED,
    /** Different values with a higher version: values and version replaced. */
    REPLACED,
    /** Different values with the same version: rejected. */
    SAME_VERSION_CONFLICT,
    /** Different values with a lower version: rejected. */
    LOWER_VERSION_CONFLICT,
    /** A value's type differs from the type the series stores under that name: rejected. */
    TYPE_CONFLICT;

    public boolean stored() {
        return this == INSERTED || this == IDENTICAL || this == VERSION_RAISED || this == REPLACED;
    }
}
