package io.strata.tier.magnetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.error.ValidationException;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.segment.SegmentTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedDataReportWriterTest {
    /** 2023-11-14T22:13:20Z. */
    private static final long INGEST = 1_700_000_000_000_000_000L;

    @TempDir
    Path directory;

    @Test
    void writesOneJsonLinePerRejectedRecordUnderTheHourOfTheCommand() throws Exception {
        Record single = new Record(SegmentTestData.series("host-a", "cpu"), INGEST - 86_400_000_000_000L, 2,
                new DoubleValue(12.5));
        Record multi = new Record(SegmentTestData.series("host-b", "metrics"), INGEST - 1, 1, MultiMeasure.of(
                MeasureAttribute.of("status", new VarcharValue("ok \"quoted\"")),
                MeasureAttribute.of("boot", new TimestampValue(5))));
        String reason = "The record timestamp is outside the time range [2023-11-14T10:13:20Z, 2023-11-14T22:28:20Z)"
                + " of the data ingestion window.";
        List<RejectedDataEntry> entries = List.of(
                new RejectedDataEntry(single, "Record version 2 is lower than or equal to the existing version 3.",
                        OptionalLong.of(3)),
                new RejectedDataEntry(multi, reason, OptionalLong.empty()));

        try (BlobStore store = new LocalDirectoryBlobStore(directory)) {
            RejectedDataReportWriter writer = new RejectedDataReportWriter(store);
            BlobKey key = writer.write(Optional.of("rejected/reports"), "db_1", "table.a", "tbl-1", 77, INGEST, entries)
                    .orElseThrow();
            String id = RejectedDataReportWriter.reportId("tbl-1", 77);

            assertThat(key.value()).isEqualTo("rejected/reports/db_1/table.a/2023/11/14/22/" + id + ".jsonl");
            assertThat(id).hasSize(32).matches("[0-9a-f]+").isNotEqualTo(RejectedDataReportWriter.reportId("tbl-1", 78));
            String[] lines = new String(store.get(key), StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(2);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode first = mapper.readTree(lines[0]);
            assertThat(first.get("reportId").asText()).isEqualTo(id);
            assertThat(first.get("existingVersion").asLong()).isEqualTo(3);
            assertThat(first.at("/record/measureValue").asText()).isEqualTo("12.5");
            assertThat(first.at("/record/measureValueType").asText()).isEqualTo("DOUBLE");
            assertThat(first.at("/record/dimensions/0/name").asText()).isEqualTo("host");
            assertThat(first.at("/record/version").asLong()).isEqualTo(2);
            JsonNode second = mapper.readTree(lines[1]);
            assertThat(second.get("reason").asText()).isEqualTo(reason);
            assertThat(second.has("existingVersion")).isFalse();
            assertThat(second.at("/record/measureValues/1/value").asText()).isEqualTo("ok \"quoted\"");
            assertThat(second.at("/record/time").asText()).isEqualTo(Long.toString(INGEST - 1));

            // A replica (or a replay) writes the same bytes to the same key.
            byte[] firstBytes = store.get(key);
            writer.write(Optional.of("rejected/reports/"), "db_1", "table.a", "tbl-1", 77, INGEST, entries);
            assertThat(store.list("rejected/")).containsExactly(key);
            assertThat(store.get(key)).isEqualTo(firstBytes);
            assertThat(writer.write(Optional.empty(), "db_1", "table.a", "tbl-1", 78, INGEST, List.of())).isEmpty();
        }
    }

    @Test
    void aPrefixOutsideTheKeyAlphabetIsRefused() {
        assertThatThrownBy(() -> RejectedDataReportWriter.reportKey(Optional.of("bad|prefix"), "db", "t", INGEST, "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bad|prefix");
    }
}
