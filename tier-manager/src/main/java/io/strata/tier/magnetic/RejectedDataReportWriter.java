package io.strata.tier.magnetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.strata.core.error.ValidationException;
import io.strata.core.model.Dimension;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes magnetic-store rejected-data reports (Timestream spec §4; the format is Strata's own, as
 * Timestream does not document one): one JSON object per line, each a rejected record with its
 * reason, under {@code <prefix>/<database>/<table>/<yyyy>/<mm>/<dd>/<hh>/<report id>.jsonl}, the
 * hour being the command's ingest time in UTC.
 *
 * <p>Deterministic: the report id comes from the table id and the Raft index of the command, and
 * the time from the command, so every replica writes the same object under the same key; a
 * replayed command rewrites identical bytes. Thread-safe (stateless apart from the store).
 */
public final class RejectedDataReportWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final BlobStore store;

    public RejectedDataReportWriter(BlobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The id of the report of the command at {@code raftIndex} on table {@code tableId}: 32 hex digits. */
    public static String reportId(String tableId, long raftIndex) {
        UUID id = UUID.nameUUIDFromBytes((tableId + "/" + raftIndex).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits(id.getMostSignificantBits()) + HexFormat.of().toHexDigits(id.getLeastSignificantBits());
    }

    /** Where a report goes. */
    public static BlobKey reportKey(Optional<String> prefix, String database, String table, long ingestTimeNanos,
            String reportId) {
        ZonedDateTime hour = Instant.ofEpochSecond(0, ingestTimeNanos).atZone(ZoneOffset.UTC);
        String path = String.format("%s/%s/%04d/%02d/%02d/%02d/%s.jsonl", database, table, hour.getYear(),
                hour.getMonthValue(), hour.getDayOfMonth(), hour.getHour(), reportId);
        String key = prefix.map(p -> p.endsWith("/") ? p + path : p + "/" + path).orElse(path);
        if (!BlobKey.isValid(key)) {
            throw new ValidationException("Cannot write a rejected-data report under '" + key
                    + "': the object key prefix, database and table must use letters, digits, '.', '_', '=', '-' and '/'.");
        }
        return BlobKey.of(key);
    }

    /**
     * Writes the report (nothing when {@code entries} is empty).
     *
     * @return the report's key, or empty when nothing was written
     */
    public Optional<BlobKey> write(Optional<String> prefix, String database, String table, String tableId,
            long raftIndex, long ingestTimeNanos, List<RejectedDataEntry> entries) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String reportId = reportId(tableId, raftIndex);
        BlobKey key = reportKey(prefix, database, table, ingestTimeNanos, reportId);
        store.put(key, encode(reportId, entries));
        return Optional.of(key);
    }

    static byte[] encode(String reportId, List<RejectedDataEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * entries.size());
        try {
            for (RejectedDataEntry entry : entries) {
                try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    json.writeStartObject();
                    json.writeStringField("reportId", reportId);
                    json.writeStringField("reason", entry.reason());
                    if (entry.existingVersion().isPresent()) {
                        json.writeNumberField("existingVersion", entry.existingVersion().getAsLong());
                    }
                    json.writeFieldName("record");
                    writeRecord(json, entry.record());
                    json.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The record as a WriteRecords {@code Record} in camelCase, time in nanoseconds. */
    private static void writeRecord(JsonGenerator json, Record record) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("dimensions");
        for (Dimension dimension : record.dimensions()) {
            json.writeStartObject();
            json.writeStringField("name", dimension.name());
            json.writeStringField("value", dimension.value());
            json.writeStringField("dimensionValueType", "VARCHAR");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("measureName", record.measureName().value());
        if (record.measure() instanceof MultiMeasure multi) {
            json.writeArrayFieldStart("measureValues");
            for (MeasureAttribute attribute : multi.attributes()) {
                json.writeStartObject();
                json.writeStringField("name", attribute.name());
                json.writeStringField("value", attribute.value().text());
                json.writeStringField("type", attribute.value().type().name());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            MeasureValue value = (MeasureValue) record.measure();
            json.writeStringField("measureValue", value.text());
        }
        json.writeStringField("measureValueType", record.measure().type().name());
        json.writeStringField("time", Long.toString(record.time()));
        json.writeStringField("timeUnit", "NANOSECONDS");
        json.writeNumberField("version", record.version());
        json.writeEndObject();
    }
}
