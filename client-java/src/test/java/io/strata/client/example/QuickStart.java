package io.strata.client.example;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.client.StrataClient;
import io.strata.client.error.RecordRejectedException;
import io.strata.client.error.StrataClientException;
import io.strata.client.query.QueryResult;
import io.strata.client.query.Row;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates a table, writes a minute of readings from three devices, and prints their averages. */
public final class QuickStart {
    public static void main(String[] args) {
        try (StrataClient client = StrataClient.builder()
                .endpoints("localhost:7400", "localhost:7401")
                .callDeadline(Duration.ofSeconds(65))
                .build()) {
            run(client, Instant.now(), System.out);
        }
    }

    public static void run(StrataClient client, Instant now, PrintStream out) {
        try {
            client.admin().createDatabase("iot");
            client.admin().createTable("iot", "readings");
        } catch (StrataClientException e) {
            if (!e.is(StrataClientException.CONFLICT)) {
                throw e;
            }
        }

        AtomicInteger notStored = new AtomicInteger();
        try (RecordWriter writer = client.newRecordWriter(RecordWriterSettings.defaults().withMaxBufferedRecords(5_000))) {
            for (int second = 0; second < 60; second++) {
                for (String device : new String[] {"dev-1", "dev-2", "dev-3"}) {
                    Record reading = Record.newBuilder()
                            .addDimensions(Dimension.newBuilder().setName("device").setValue(device))
                            .setMeasureName("temperature")
                            .setMeasureValue(Double.toString(20 + second % 5))
                            .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE)
                            .setTime(Long.toString(now.minusSeconds(60 - second).toEpochMilli()))
                            .build();
                    writer.write("iot", "readings", reading).exceptionally(failure -> {
                        notStored.incrementAndGet();
                        if (failure.getCause() instanceof RecordRejectedException rejection) {
                            out.println("rejected: " + rejection.reason()); // this record only; not retried
                        } else {
                            out.println("failed: " + failure.getCause()); // its whole request, after retries
                        }
                        return null;
                    });
                }
            }
        } // close() sends what is left and waits for every record's outcome

        QueryResult result = client.query("""
                SELECT device, avg(measure_value::double) AS avg_temp, max(time) AS last_seen
                FROM iot.readings
                WHERE time > ago(5m)
                GROUP BY device
                ORDER BY device""");
        for (Row row : result) {
            out.printf(Locale.ROOT, "%s avg=%.2f last=%s%n", row.getString("device"), row.getDouble("avg_temp"), row.getInstant("last_seen"));
        }
        out.println("records not stored: " + notStored.get());
    }
}
