package io.strata.bench.cluster;

import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.RetentionProperties;
import io.strata.client.StrataClient;

/**
 * The benchmark table: {@code bench.cpu}, memory retention 24 hours so that records stamped a few
 * hours back (where the record sources start) are inside the ingestion window for the whole run.
 */
final class CpuTable {
    static final String DATABASE = "bench";
    static final String TABLE = "cpu";
    static final long MEMORY_RETENTION_HOURS = 24;

    private CpuTable() {}

    static void create(StrataClient client) {
        client.admin().createDatabase(DATABASE);
        client.admin().createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE)
                .setRetentionProperties(RetentionProperties.newBuilder()
                        .setMemoryStoreRetentionPeriodInHours(MEMORY_RETENTION_HOURS)
                        .setMagneticStoreRetentionPeriodInDays(365))
                .build());
    }
}
