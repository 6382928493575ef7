package io.strata.client.write;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the server stored. Shared by all records of one WriteRecords request.
 *
 * @param databaseName database written to
 * @param tableName table written to
 * @param attempts WriteRecords attempts the request took (1 without retries)
 * @param acknowledgedAt when the writer received the acknowledgement (the client's clock)
 */
public record WriteResult(String databaseName, String tableName, int attempts, Instant acknowledgedAt) {
    public WriteResult {
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }
}
