package io.strata.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ConflictException;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.Measure;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TableSchemaTest {
    private static final Dimension HOST = Dimension.of("host", "h1");

    @Test
    void recordsGrowTheSchema() {
        TableSchema schema = TableSchema.EMPTY
                .with(single("cpu", new DoubleValue(1), HOST))
                .with(multi("metrics", Map.of("temperature", new DoubleValue(1), "count", new BigintValue(2)),
                        Dimension.of("region", "eu")));
        assertThat(schema.dimensions()).containsExactly("host", "region");
        assertThat(schema.measures()).containsExactly(
                Map.entry("cpu", MeasureValueType.DOUBLE), Map.entry("metrics", MeasureValueType.MULTI));
        assertThat(schema.multiMeasureAttributes()).containsExactly(
                Map.entry("count", MeasureValueType.BIGINT), Map.entry("temperature", MeasureValueType.DOUBLE));
    }

    @Test
    void aRecordIntroducingNothingLeavesTheSameInstance() {
        TableSchema schema = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST));
        assertThat(schema.with(single("cpu", new DoubleValue(2), Dimension.of("host", "h2")))).isSameAs(schema);
    }

    @Test
    void aSingleMeasureCannotChangeType() {
        TableSchema schema = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST));
        Record bigint = single("cpu", new BigintValue(1), HOST);
        assertThat(schema.conflictWith(bigint)).contains("Measure 'cpu' has type DOUBLE in this table; the record "
                + "writes it as BIGINT. A measure keeps the type it was first written with: write this value under "
                + "another measure name or with type DOUBLE.");
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> schema.with(bigint));
    }

    @Test
    void aSingleMeasureCannotBecomeMultiAndBack() {
        TableSchema single = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST));
        assertThat(single.conflictWith(multi("cpu", Map.of("a", new DoubleValue(1)), HOST)))
                .contains("Measure 'cpu' has type DOUBLE in this table; the record writes it as MULTI. A measure keeps "
                        + "the type it was first written with: write this value under another measure name or with "
                        + "type DOUBLE.");
        TableSchema multi = TableSchema.EMPTY.with(multi("cpu", Map.of("a", new DoubleValue(1)), HOST));
        assertThat(multi.conflictWith(single("cpu", new DoubleValue(1), HOST))).isPresent();
    }

    @Test
    void aMultiMeasureAttributeCannotChangeTypeAcrossRecords() {
        TableSchema schema = TableSchema.EMPTY.with(multi("m1", Map.of("temperature", new DoubleValue(1)), HOST));
        assertThat(schema.conflictWith(multi("m2", Map.of("temperature", new VarcharValue("hot")), HOST)))
                .contains("Measure 'temperature' has type DOUBLE in this table; the record writes it as VARCHAR. A "
                        + "measure keeps the type it was first written with: write this value under another measure "
                        + "name or with type DOUBLE.");
    }

    @Test
    void aDimensionAndAMeasureCannotShareAName() {
        TableSchema schema = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST))
                .with(multi("metrics", Map.of("temperature", new DoubleValue(1)), HOST));
        assertThat(schema.conflictWith(single("mem", new DoubleValue(1), Dimension.of("cpu", "x"))))
                .contains("Dimension name 'cpu' is already used as a measure name in this table; a dimension and a "
                        + "measure cannot share a name.");
        assertThat(schema.conflictWith(single("mem", new DoubleValue(1), Dimension.of("temperature", "x"))))
                .contains("Dimension name 'temperature' is already used as a measure name in this table; a dimension "
                        + "and a measure cannot share a name.");
        assertThat(schema.conflictWith(single("host", new DoubleValue(1))))
                .contains("Measure name 'host' is already used as a dimension name in this table; a dimension and a "
                        + "measure cannot share a name.");
        assertThat(schema.conflictWith(multi("other", Map.of("host", BooleanValue.TRUE))))
                .contains("Measure name 'host' is already used as a dimension name in this table; a dimension and a "
                        + "measure cannot share a name.");
        // Within one record too.
        assertThat(TableSchema.EMPTY.conflictWith(multi("m", Map.of("zone", new DoubleValue(1)), Dimension.of("zone", "a"))))
                .isPresent();
    }

    @Test
    void aTableHoldsAtMost128Dimensions() {
        TableSchema full = TableSchema.of(names("d", 127), Map.of(), Map.of());
        assertThat(full.conflictWith(single("m", new DoubleValue(1), Dimension.of("new1", "v")))).isEmpty();
        assertThat(full.conflictWith(single("m", new DoubleValue(1), Dimension.of("new1", "v"), Dimension.of("new2", "v"))))
                .contains("The record adds 2 new dimension(s) to a table that has 127; a table can have at most 128 "
                        + "dimensions.");
        // Known dimensions cost nothing.
        assertThat(full.conflictWith(single("m", new DoubleValue(1), Dimension.of("d0", "v"), Dimension.of("new1", "v"))))
                .isEmpty();
    }

    @Test
    void aTableHoldsAtMost8192MeasureNames() {
        Map<String, MeasureValueType> measures = new TreeMap<>();
        for (String name : names("m", 8191)) {
            measures.put(name, MeasureValueType.DOUBLE);
        }
        TableSchema almostFull = TableSchema.of(Set.of(), measures, Map.of());
        TableSchema full = almostFull.with(single("last", new DoubleValue(1)));
        assertThat(full.measures()).hasSize(8192);
        assertThat(full.conflictWith(single("one_more", new DoubleValue(1))))
                .contains("The table already has 8192 measure names, the maximum; the new measure name 'one_more' "
                        + "cannot be added.");
        assertThat(full.conflictWith(single("m0", new DoubleValue(1)))).isEmpty();
    }

    @Test
    void aTableHoldsAtMost1024MultiMeasureAttributes() {
        Map<String, MeasureValueType> attributes = new TreeMap<>();
        for (String name : names("a", 1023)) {
            attributes.put(name, MeasureValueType.BIGINT);
        }
        TableSchema schema = TableSchema.of(Set.of(), Map.of(), attributes);
        assertThat(schema.conflictWith(multi("m", Map.of("new1", new DoubleValue(1))))).isEmpty();
        assertThat(schema.conflictWith(multi("m", Map.of("new1", new DoubleValue(1), "new2", new DoubleValue(2)))))
                .contains("The record adds 2 new multi-measure attribute(s) to a table that has 1023; a table can have "
                        + "at most 1024 unique measures across its multi-measure records.");
    }

    @Test
    void mergeIsAUnionIndependentOfOrder() {
        TableSchema left = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST));
        TableSchema right = TableSchema.EMPTY.with(multi("metrics", Map.of("t", new TimestampValue(1)),
                Dimension.of("zone", "a")));
        TableSchema merged = left.merge(right);
        assertThat(merged).isEqualTo(right.merge(left));
        assertThat(merged.merge(merged)).isEqualTo(merged);
        assertThat(merged.merge(left)).isEqualTo(merged);
        assertThat(merged.dimensions()).containsExactly("host", "zone");
        assertThat(merged.measures()).containsOnlyKeys("cpu", "metrics");
    }

    @Test
    void mergeRefusesConflictsTheSameWayInBothOrders() {
        TableSchema doubles = TableSchema.EMPTY.with(single("cpu", new DoubleValue(1), HOST));
        TableSchema bigints = TableSchema.EMPTY.with(single("cpu", new BigintValue(1), HOST));
        String message = "Measure 'cpu' has type DOUBLE in one schema and BIGINT in the other.";
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> doubles.merge(bigints)).withMessage(message);
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> bigints.merge(doubles)).withMessage(message);
        TableSchema hostMeasure = TableSchema.EMPTY.with(single("host", new DoubleValue(1)));
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> doubles.merge(hostMeasure))
                .withMessage("'host' is a dimension in one schema and a measure in the other.");
    }

    @Test
    void columnsAreWhatQueriesSee() {
        TableSchema schema = TableSchema.EMPTY
                .with(single("cpu", new DoubleValue(1), HOST))
                .with(single("requests", new BigintValue(1), HOST))
                .with(multi("metrics", Map.of("temperature", new DoubleValue(1), "label", new VarcharValue("x")), HOST));
        assertThat(schema.columns()).containsExactly(
                new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
                new TableColumn("measure_name", ColumnType.VARCHAR, ColumnRole.MEASURE_NAME),
                new TableColumn("time", ColumnType.TIMESTAMP, ColumnRole.TIME),
                new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE),
                new TableColumn("measure_value::bigint", ColumnType.BIGINT, ColumnRole.MEASURE_VALUE),
                new TableColumn("label", ColumnType.VARCHAR, ColumnRole.MULTI_MEASURE_ATTRIBUTE),
                new TableColumn("temperature", ColumnType.DOUBLE, ColumnRole.MULTI_MEASURE_ATTRIBUTE));
    }

    @Test
    void replicasApplyingTheSameRecordsAgree() {
        List<Record> records = List.of(single("b", new DoubleValue(1), Dimension.of("z", "1")),
                single("a", new BigintValue(1), Dimension.of("y", "1")),
                multi("c", Map.of("x", BooleanValue.FALSE), Dimension.of("w", "1")));
        TableSchema first = TableSchema.EMPTY;
        TableSchema second = TableSchema.EMPTY;
        for (Record record : records) {
            first = first.with(record);
        }
        for (Record record : records.reversed()) {
            second = second.with(record);
        }
        assertThat(first).isEqualTo(second);
        assertThat(first.columns()).isEqualTo(second.columns());
    }

    private static Set<String> names(String prefix, int count) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    static Record single(String measureName, Measure value, Dimension... dimensions) {
        return Record.of(SeriesKey.of(MeasureName.of(measureName), dimensions), 0, value);
    }

    static Record multi(String measureName, Map<String, ? extends io.strata.core.model.MeasureValue> values,
            Dimension... dimensions) {
        List<MeasureAttribute> attributes = values.entrySet().stream()
                .map(entry -> MeasureAttribute.of(entry.getKey(), entry.getValue()))
                .toList();
        return Record.of(SeriesKey.of(MeasureName.of(measureName), dimensions), 0, new MultiMeasure(attributes));
    }
}
