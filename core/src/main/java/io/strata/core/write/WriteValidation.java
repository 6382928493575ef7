package io.strata.core.write;

import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.schema.TableSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating a WriteRecords request that was itself valid: the records to store,
 * the records rejected (with Timestream-style reasons), and the table schema extended by the
 * accepted records.
 *
 * @param accepted in request order
 * @param rejected in request order
 * @param schema the input schema plus every name the accepted records introduce
 */
public record WriteValidation(List<ValidatedRecord> accepted, List<RejectedRecord> rejected, TableSchema schema) {
    public WriteValidation {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(schema, "schema");
    }

    /** The exception to answer with once the accepted records are stored, if any were rejected. */
    public Optional<RejectedRecordsException> rejection() {
        return rejected.isEmpty() ? Optional.empty() : Optional.of(new RejectedRecordsException(rejected));
    }
}
