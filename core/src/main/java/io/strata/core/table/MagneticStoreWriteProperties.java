package io.strata.core.table;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a table accepts records older than its memory window into the magnetic store, and
 * where reports of records rejected asynchronously there are written.
 *
 * <p>[U] A rejected-data location may be set while magnetic writes are disabled: the API model
 * allows it and it lets a user prepare the location before enabling writes.
 */
public record MagneticStoreWriteProperties(
        boolean enableMagneticStoreWrites, Optional<S3Configuration> rejectedDataLocation) {
    public static final MagneticStoreWriteProperties DISABLED = new MagneticStoreWriteProperties(false, Optional.empty());

    public MagneticStoreWriteProperties {
        Objects.requireNonNull(rejectedDataLocation, "rejectedDataLocation");
    }

    public static MagneticStoreWriteProperties enabled(S3Configuration rejectedDataLocation) {
        return new MagneticStoreWriteProperties(true, Optional.of(rejectedDataLocation));
    }
}
