package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.client.StrataClient;
import io.strata.client.query.QueryResult;
import io.strata.client.query.Row;
import io.strata.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.BitSet;
import java.util.Set;

/**
 * Records numbered 0, 1, 2, ... of one series each per writer: BIGINT {@code seq} = the number, one
 * millisecond apart from {@code firstMillis}, so each number is its own point; and the check that a
 * table holds each of a set of numbers exactly once, read back through the client's paginated query.
 */
final class SequenceRecords {
    /** Retries for as long as a loaded machine needs: a test asserts that nothing is lost, not how fast. */
    static final RetryPolicy PATIENT = new RetryPolicy(100_000, Duration.ofMillis(10), Duration.ofMillis(500), 2.0,
            Duration.ofMinutes(4));

    private final long firstMillis;

    SequenceRecords(long firstMillis) {
        this.firstMillis = firstMillis;
    }

    Record record(int seq) {
        return Record.newBuilder()
                .addDimensions(Dimension.newBuilder().setName("source").setValue("sequence"))
                .setMeasureName("seq")
                .setMeasureValue(Integer.toString(seq))
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_BIGINT)
                .setTime(Long.toString(firstMillis + seq))
                .build();
    }

    /** Creates database and table, accepting that a retried create already made them. */
    static void createTable(StrataClient client, String database, String table) {
        client.admin().createDatabase(database);
        client.admin().createTable(database, table);
    }

    /**
     * Reads every row of the table in pages of {@code pageRows} and asserts that it holds each of
     * {@code expected} exactly once and nothing else.
     *
     * @return the pages the query took
     */
    static int assertHoldsExactlyOnce(StrataClient client, String database, String table, Set<Integer> expected,
            int pageRows) {
        QueryResult result = client.query("SELECT measure_value::bigint AS seq FROM \"" + database + "\".\"" + table
                + "\"", pageRows);
        BitSet seen = new BitSet();
        long rows = 0;
        int duplicates = 0;
        for (Row row : result) {
            int seq = Math.toIntExact(row.getLong("seq"));
            if (seen.get(seq)) {
                duplicates++;
            }
            seen.set(seq);
            rows++;
        }
        BitSet wanted = new BitSet();
        expected.forEach(wanted::set);
        BitSet missing = (BitSet) wanted.clone();
        missing.andNot(seen);
        BitSet extra = (BitSet) seen.clone();
        extra.andNot(wanted);
        assertThat(missing.stream().limit(20).boxed().toList()).as("acknowledged but not queryable (first 20 of %d)", missing.cardinality()).isEmpty();
        assertThat(extra.stream().limit(20).boxed().toList()).as("queryable but never acknowledged (first 20 of %d)", extra.cardinality()).isEmpty();
        assertThat(duplicates).as("rows returned more than once").isZero();
        assertThat(rows).isEqualTo(expected.size());
        return result.pagesFetched();
    }
}
