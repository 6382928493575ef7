package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.bigintValue;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.doubleValue;
import static io.strata.tier.shard.Commands.multiRecord;
import static io.strata.tier.shard.Commands.varcharValue;
import static io.strata.tier.shard.Commands.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatchResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestream's duplicate/version rules (spec §2.4–2.5), cell by cell, with the exact reasons. */
class DuplicateVersionTest {
    private static final long T = INGEST - 1_000_000_000L;
    private static final String SAME_VERSION_REASON =
            "A record already exists with the same time, dimensions, measure name, and record version. "
                    + "A higher record version must be specified in order to update the measure value. "
                    + "Specifying record version is supported by the latest SDKs.";

    @TempDir
    Path directory;
    private ShardStore store;
    private long index;

    @BeforeEach
    void open() {
        store = ShardStores.open(directory);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RecordOutcome writeOne(StoredRecord record) {
        WriteBatchResult result = store.apply(++index, write(record));
        assertThat(result.getOutcomesList()).hasSize(1);
        return result.getOutcomes(0);
    }

    private List<String> values() {
        return ScanRows.all(store).stream().map(line -> line.replaceAll(".*measure_value::double=([^|]*).*", "$1")).toList();
    }

    @ParameterizedTest(name = "stored v2=1.0, write {0} v{1} -> {2}")
    @CsvSource({
            "1.0, 1, stored, 1.0",
            "1.0, 2, stored, 1.0",
            "1.0, 3, stored, 1.0",
            "9.0, 3, stored, 9.0",
            "9.0, 2, same-version, 1.0",
            "9.0, 1, lower-version, 1.0",
    })
    void everyCellOfTheMatrix(double value, long version, String expected, double stored) {
        assertThat(writeOne(doubleRecord("a", T, 2, 1.0)).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);

        RecordOutcome outcome = writeOne(doubleRecord("a", T, version, value));

        switch (expected) {
            case "stored" -> assertThat(outcome.getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
            case "same-version" -> {
                assertThat(outcome.getRejected().getReason()).isEqualTo(SAME_VERSION_REASON);
                assertThat(outcome.getRejected().getExistingVersion()).isEqualTo(2);
            }
            case "lower-version" -> {
                assertThat(outcome.getRejected().getReason()).isEqualTo("The record version 1 is lower than the "
                        + "existing version 2. A higher version is required to update the measure value.");
                assertThat(outcome.getRejected().getExistingVersion()).isEqualTo(2);
            }
            default -> throw new IllegalArgumentException(expected);
        }
        assertThat(values()).containsExactly(Double.toString(stored));
        assertThat(store.memoryUsage().rows()).isEqualTo(1);
    }

    @Test
    void theDocumentedUpsertSequence() {
        assertThat(writeOne(doubleRecord("a", T, 1, 10)).hasStoredIn()).isTrue();
        // A new value without a version (1) is rejected.
        RecordOutcome unversioned = writeOne(doubleRecord("a", T, 1, 20));
        assertThat(unversioned.getRejected().getReason()).isEqualTo(SAME_VERSION_REASON);
        assertThat(unversioned.getRejected().getExistingVersion()).isEqualTo(1);
        // Version 2 updates it.
        assertThat(writeOne(doubleRecord("a", T, 2, 20)).hasStoredIn()).isTrue();
        assertThat(values()).containsExactly("20.0");
        // The same value with version 3 only raises the version...
        assertThat(writeOne(doubleRecord("a", T, 3, 20)).hasStoredIn()).isTrue();
        // ...so a later update needs more than 3.
        RecordOutcome atThree = writeOne(doubleRecord("a", T, 3, 30));
        assertThat(atThree.getRejected().getExistingVersion()).isEqualTo(3);
        RecordOutcome belowThree = writeOne(doubleRecord("a", T, 2, 30));
        assertThat(belowThree.getRejected().getReason()).isEqualTo(
                "The record version 2 is lower than the existing version 3. A higher version is required to update "
                        + "the measure value.");
        assertThat(writeOne(doubleRecord("a", T, 4, 30)).hasStoredIn()).isTrue();
        assertThat(values()).containsExactly("30.0");
    }

    @Test
    void anIdenticalRetryIsAcceptedAndCountedOnce() {
        StoredRecord record = doubleRecord("a", T, 1, 5);
        WriteBatchResult first = store.apply(++index, write(record, doubleRecord("b", T, 1, 6)));
        WriteBatchResult retry = store.apply(++index, write(record, doubleRecord("b", T, 1, 6)));

        assertThat(retry).isEqualTo(first);
        assertThat(retry.getOutcomesList()).allMatch(outcome -> outcome.getStoredIn() == StoreTier.STORE_TIER_MEMORY);
        assertThat(store.memoryUsage().rows()).isEqualTo(2);
        assertThat(ScanRows.all(store)).hasSize(2);
    }

    @Test
    void multiMeasureValuesCompareAsASetWhateverTheirOrder() {
        Map<String, TypedValue> values = new LinkedHashMap<>();
        values.put("cpu", doubleValue(0.5));
        values.put("count", bigintValue(7));
        values.put("status", varcharValue("ok"));
        Map<String, TypedValue> reordered = new LinkedHashMap<>();
        reordered.put("status", varcharValue("ok"));
        reordered.put("cpu", doubleValue(0.5));
        reordered.put("count", bigintValue(7));
        Map<String, TypedValue> fewer = new LinkedHashMap<>();
        fewer.put("cpu", doubleValue(0.5));
        fewer.put("count", bigintValue(7));

        assertThat(writeOne(multiRecord("a", T, 1, values)).hasStoredIn()).isTrue();
        assertThat(writeOne(multiRecord("a", T, 1, reordered)).hasStoredIn()).isTrue();
        RecordOutcome missingAttribute = writeOne(multiRecord("a", T, 1, fewer));
        assertThat(missingAttribute.getRejected().getReason()).isEqualTo(SAME_VERSION_REASON);

        assertThat(writeOne(multiRecord("a", T, 2, fewer)).hasStoredIn()).isTrue();
        assertThat(ScanRows.all(store)).singleElement().asString()
                .contains("cpu=0.5|count=7|status=null");
    }

    @Test
    void conflictsInsideOneBatchFollowRequestOrder() {
        WriteBatchResult result = store.apply(++index, write(
                doubleRecord("a", T, 1, 1), doubleRecord("a", T, 1, 2), doubleRecord("a", T, 2, 3)));

        assertThat(result.getOutcomes(0).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
        assertThat(result.getOutcomes(1).getRejected().getReason()).isEqualTo(SAME_VERSION_REASON);
        assertThat(result.getOutcomes(1).getRequestIndex()).isEqualTo(1);
        assertThat(result.getOutcomes(2).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
        assertThat(values()).containsExactly("3.0");
    }
}
