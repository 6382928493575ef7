package io.strata.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.error.ValidationException;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.TableName;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.core.schema.TableSchema;
import io.strata.core.table.CompositePartitionKey;
import io.strata.core.table.MagneticStoreWriteProperties;
import io.strata.core.table.PartitionKey;
import io.strata.core.table.PartitionKeyEnforcement;
import io.strata.core.table.RetentionProperties;
import io.strata.core.table.TableDefinition;
import io.strata.core.table.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteRecordsValidatorTest {
    private static final String DATABASE = "IoTMetrics";
    private static final String TABLE = "SensorReadings";
    private static final TableDefinition DEFAULT_TABLE =
            TableDefinition.withDefaults(DatabaseName.of(DATABASE), TableName.of(TABLE));

    private final WriteRecordsValidator validator = new WriteRecordsValidator();

    @Test
    void aValidRecordBecomesARecord() {
        RecordInput input = temperature().dimensions(DimensionInput.of("region", "eu"), DimensionInput.of("device_id", "s1"))
                .build();
        WriteValidation result = validate(input);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rejection()).isEmpty();
        Record record = result.accepted().getFirst().record();
        assertThat(result.accepted().getFirst().recordIndex()).isZero();
        assertThat(record.dimensions()).containsExactly(Dimension.of("device_id", "s1"), Dimension.of("region", "eu"));
        assertThat(record.measureName()).isEqualTo(MeasureName.of("temperature"));
        assertThat(record.measure()).isEqualTo(new DoubleValue(21.5));
        assertThat(record.time()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(record.version()).isEqualTo(1);
        assertThat(result.schema().dimensions()).containsExactly("device_id", "region");
        assertThat(result.schema().measures()).containsEntry("temperature", MeasureValueType.DOUBLE);
    }

    @Test
    void measureValueTypeDefaultsToDouble() {
        Record record = validate(temperature().measureValueType(null).build()).accepted().getFirst().record();
        assertThat(record.measure()).isEqualTo(new DoubleValue(21.5));
    }

    @Test
    void commonAttributesAreMergedIntoEveryRecord() {
        CommonAttributes common = new CommonAttributes(RecordInput.builder()
                .dimensions(DimensionInput.of("region", "eu"))
                .measureValueType("BIGINT")
                .time("1700000000")
                .timeUnit("SECONDS")
                .version(3L)
                .build());
        WriteRecordsInput request = new WriteRecordsInput(DATABASE, TABLE, common, List.of(
                RecordInput.builder().measureName("count").measureValue("5").build(),
                RecordInput.builder().measureName("errors").measureValue("1").version(4L)
                        .dimensions(DimensionInput.of("host", "h")).build()));
        WriteValidation result = validator.validate(request, DEFAULT_TABLE, TableSchema.EMPTY);
        assertThat(result.accepted()).hasSize(2);
        Record first = result.accepted().get(0).record();
        Record second = result.accepted().get(1).record();
        assertThat(first.measure()).isEqualTo(new BigintValue(5));
        assertThat(first.time()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.dimensions()).containsExactly(Dimension.of("region", "eu"));
        assertThat(second.version()).isEqualTo(4);
        assertThat(second.dimensions()).containsExactly(Dimension.of("host", "h"), Dimension.of("region", "eu"));
    }

    @Test
    void aRequestNeedsOneTo100Records() {
        assertThat(validate(repeat(temperature().build(), 100)).accepted()).hasSize(100);
        assertRequestInvalid(List.of(), "1 validation error detected: Value '[0 items]' at 'records' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1");
        assertRequestInvalid(repeat(temperature().build(), 101), "1 validation error detected: Value '[101 items]' at "
                + "'records' failed to satisfy constraint: Member must have length less than or equal to 100");
        assertRequestInvalid(null, "1 validation error detected: Value null at 'records' failed to satisfy constraint: "
                + "Member must not be null");
        assertRequestInvalid(Collections.singletonList(null), "1 validation error detected: Value null at "
                + "'records.1.member' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anOversizedRequestIsRefusedWithoutCheckingEveryRecord() {
        List<RecordInput> records = new ArrayList<>(repeat(temperature().build(), 100));
        records.add(temperature().version(0L).build());
        assertRequestInvalid(records, "1 validation error detected: Value '[101 items]' at 'records' failed to satisfy "
                + "constraint: Member must have length less than or equal to 100");
    }

    @Test
    void databaseAndTableNamesAreChecked() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> validator.checkRequest(WriteRecordsInput.of("db", null, List.of(temperature().build()))))
                .withMessage("2 validation errors detected: Value 'db' at 'databaseName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; Value null at 'tableName' failed to "
                        + "satisfy constraint: Member must not be null");
    }

    @Test
    void dimensionNameOf60BytesIsAcceptedAnd61MakesTheRequestInvalid() {
        RecordInput sixty = temperature().dimensions(DimensionInput.of("d".repeat(60), "v")).build();
        assertThat(validate(sixty).accepted()).hasSize(1);
        RecordInput sixtyOne = temperature().dimensions(DimensionInput.of("ok", "v"), DimensionInput.of("d".repeat(61), "v"))
                .build();
        assertRequestInvalid(List.of(sixty, sixtyOne), "1 validation error detected: Value '" + "d".repeat(61)
                + "' at 'records.2.member.dimensions.2.member.name' failed to satisfy constraint: Member must have "
                + "length less than or equal to 60");
    }

    @Test
    void dimensionValuesMustBeNonEmptyVarchars() {
        assertRequestInvalid(List.of(temperature().dimensions(DimensionInput.of("host", "")).build()),
                "1 validation error detected: Value '' at 'records.1.member.dimensions.1.member.value' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
        assertRequestInvalid(List.of(temperature().dimensions(new DimensionInput("host", "h", "BIGINT")).build()),
                "1 validation error detected: Value 'BIGINT' at 'records.1.member.dimensions.1.member.dimensionValueType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [VARCHAR]");
        assertThat(validate(temperature().dimensions(new DimensionInput("host", "h", "VARCHAR")).build()).accepted())
                .hasSize(1);
    }

    @Test
    void aRecordRepeatingADimensionNameMakesTheRequestInvalid() {
        assertRequestInvalid(List.of(temperature().dimensions(DimensionInput.of("a", "1"), DimensionInput.of("a", "2"))
                        .build()),
                "1 validation error detected: Value 'a' at 'records.1.member.dimensions.2.member.name' failed to satisfy "
                        + "constraint: Member must be unique within the record; a record must contain dimensions with "
                        + "unique names");
    }

    @Test
    void aListOfMoreThan128DimensionsMakesTheRequestInvalid() {
        assertThat(validate(temperature().dimensions(dimensions("d", 128)).build()).accepted()).hasSize(1);
        assertRequestInvalid(List.of(temperature().dimensions(dimensions("d", 129)).build()),
                "1 validation error detected: Value '[129 items]' at 'records.1.member.dimensions' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 128");
    }

    @Test
    void moreThan128DimensionsAfterMergingRejectsTheRecord() {
        CommonAttributes common = new CommonAttributes(RecordInput.builder().dimensions(dimensions("c", 100)).build());
        WriteRecordsInput request = new WriteRecordsInput(DATABASE, TABLE, common, List.of(
                temperature().dimensions(dimensions("r", 28)).build(),
                temperature().dimensions(dimensions("r", 29)).build()));
        WriteValidation result = validator.validate(request, DEFAULT_TABLE, TableSchema.EMPTY);
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(0);
        assertThat(result.rejected()).containsExactly(RejectedRecord.of(1,
                "The record has 129 dimensions including CommonAttributes; a record can have at most 128."));
    }

    @Test
    void versionMustBeAtLeastOne() {
        assertThat(validate(temperature().version(1L).build()).accepted().getFirst().record().version()).isEqualTo(1);
        assertThat(validate(temperature().version(Long.MAX_VALUE).build()).accepted().getFirst().record().version())
                .isEqualTo(Long.MAX_VALUE);
        assertRequestInvalid(List.of(temperature().version(0L).build()), "1 validation error detected: Value '0' at "
                + "'records.1.member.version' failed to satisfy constraint: Member must have value greater than or equal "
                + "to 1");
    }

    @Test
    void enumValuesAreCaseSensitive() {
        assertRequestInvalid(List.of(temperature().measureValueType("double").build()), "1 validation error detected: "
                + "Value 'double' at 'records.1.member.measureValueType' failed to satisfy constraint: Member must satisfy "
                + "enum value set: [DOUBLE, BIGINT, VARCHAR, BOOLEAN, TIMESTAMP, MULTI]");
        assertRequestInvalid(List.of(temperature().timeUnit("ms").build()), "1 validation error detected: Value 'ms' at "
                + "'records.1.member.timeUnit' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[MILLISECONDS, SECONDS, MICROSECONDS, NANOSECONDS]");
    }

    @Test
    void timestampAsASingleMeasureTypeMakesTheRequestInvalid() {
        assertRequestInvalid(List.of(temperature().measureValueType("TIMESTAMP").measureValue("1").build()),
                "1 validation error detected: Value 'TIMESTAMP' at 'records.1.member.measureValueType' failed to "
                        + "satisfy constraint: Member must not be TIMESTAMP; TIMESTAMP is only supported for values "
                        + "inside MeasureValues of a MULTI record");
    }

    @Test
    void anUnreadableTimeMakesTheWholeRequestInvalid() {
        for (String time : List.of("abc", "-1", "1.5", "9223372036855")) {
            assertRequestInvalid(List.of(temperature().build(), temperature().time(time).build()),
                    "Invalid time for record.");
        }
    }

    @Test
    void timeIsOneTo256Characters() {
        assertRequestInvalid(List.of(temperature().time("").build()), "1 validation error detected: Value '' at "
                + "'records.1.member.time' failed to satisfy constraint: Member must have length greater than or equal "
                + "to 1");
        assertRequestInvalid(List.of(temperature().time("1".repeat(257)).build()), "1 validation error detected: Value '"
                + "1".repeat(257) + "' at 'records.1.member.time' failed to satisfy constraint: Member must have length "
                + "less than or equal to 256");
    }

    @Test
    void measureValueIsOneTo2048Characters() {
        RecordInput varchar = temperature().measureValueType("VARCHAR").measureName("m").build();
        assertThat(validate(varchar.toBuilder().measureValue("x".repeat(2000)).build()).accepted()).hasSize(1);
        assertRequestInvalid(List.of(varchar.toBuilder().measureValue("x".repeat(2049)).build()),
                "1 validation error detected: Value '" + "x".repeat(2049) + "' at 'records.1.member.measureValue' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 2048");
        assertRequestInvalid(List.of(temperature().measureValue("").build()), "1 validation error detected: Value '' at "
                + "'records.1.member.measureValue' failed to satisfy constraint: Member must have length greater than "
                + "or equal to 1");
    }

    @Test
    void everyViolationIsReportedTogether() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> validate(temperature().version(0L).timeUnit("HOURS").build()))
                .withMessageStartingWith("2 validation errors detected: Value 'HOURS' at 'records.1.member.timeUnit'")
                .withMessageContaining("; Value '0' at 'records.1.member.version'");
    }

    @Test
    void measureNameOf256BytesIsAcceptedAnd257RejectsOnlyThatRecord() {
        WriteValidation result = validate(
                temperature().measureName("m".repeat(256)).build(),
                temperature().measureName("m".repeat(257)).build(),
                temperature().build());
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(0, 2);
        assertThat(result.rejected()).containsExactly(
                RejectedRecord.of(1, "MeasureName is 257 bytes long; a measure name can be at most 256 bytes."));
        RejectedRecordsException exception = result.rejection().orElseThrow();
        assertThat(exception.errorName()).isEqualTo("RejectedRecordsException");
        assertThat(exception.getMessage()).isEqualTo(
                "One or more records have been rejected. See RejectedRecords for details.");
        assertThat(exception.rejectedRecords()).extracting(RejectedRecord::recordIndex).containsExactly(1);
    }

    @Test
    void anEmptyMeasureNameMakesTheRequestInvalid() {
        assertRequestInvalid(List.of(temperature().measureName("").build()), "1 validation error detected: Value '' at "
                + "'records.1.member.measureName' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1");
    }

    @Test
    void missingFieldsRejectTheRecord() {
        WriteValidation result = validate(
                temperature().time(null).build(),
                temperature().measureName(null).build(),
                temperature().measureValue(null).build(),
                temperature().measureValueType("MULTI").measureValue(null).build());
        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "Time is missing: set Time on the record or in CommonAttributes.",
                "MeasureName is missing: set MeasureName on the record or in CommonAttributes.",
                "MeasureValue is missing: a DOUBLE record needs a MeasureValue.",
                "A MULTI record must have at least one entry in MeasureValues.");
    }

    @Test
    void recordOf2048BytesIsAcceptedAnd2049IsRejected() {
        // 8 (time) + 1 (measure name "m") + 3+1 (dimension "dim"="v") + VARCHAR bytes.
        RecordInput base = temperature().measureName("m").measureValueType("VARCHAR")
                .dimensions(DimensionInput.of("dim", "v")).build();
        int fill = 2048 - 8 - 1 - 4;
        WriteValidation result = validate(
                base.toBuilder().measureValue("x".repeat(fill)).build(),
                base.toBuilder().measureValue("x".repeat(fill + 1)).build());
        assertThat(result.accepted()).extracting(accepted -> accepted.record().sizeInBytes()).containsExactly(2048);
        assertThat(result.rejected()).containsExactly(RejectedRecord.of(1, "The record size is 2049 bytes, which exceeds "
                + "the maximum record size of 2048 bytes (8 bytes of time + dimension names and values + measure name "
                + "+ measure values)."));
    }

    @Test
    void valuesThatDoNotParseRejectTheRecord() {
        WriteValidation result = validate(
                temperature().measureValue("NaN").build(),
                temperature().measureValue("Infinity").build(),
                temperature().measureName("count").measureValueType("BIGINT").measureValue("9223372036854775808").build(),
                temperature().measureName("on").measureValueType("BOOLEAN").measureValue("yes").build(),
                temperature().measureValue("1e3").build());
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(4);
        assertThat(result.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "Measure value 'NaN' is not a valid DOUBLE: only finite decimal numbers such as 1.5 or -2e3 can be "
                        + "written (NaN and Infinity cannot).",
                "Measure value 'Infinity' is not a valid DOUBLE: only finite decimal numbers such as 1.5 or -2e3 can be "
                        + "written (NaN and Infinity cannot).",
                "Measure value '9223372036854775808' is not a valid BIGINT: expected a whole number between "
                        + "-9223372036854775808 and 9223372036854775807.",
                "Measure value 'yes' is not a valid BOOLEAN: expected true or false.");
    }

    @Test
    void reservedDimensionNamesRejectTheRecord() {
        WriteValidation result = validate(temperature().dimensions(DimensionInput.of("measure_value", "x")).build());
        assertThat(result.rejected()).containsExactly(RejectedRecord.of(0, "Dimension name 'measure_value' is reserved: "
                + "names cannot be time, measure_name, measure_value or ts_non_existent_col, cannot start with ts_, "
                + "measure_name or measure_value, and cannot contain ':'."));
    }

    @Test
    void multiMeasureRecordsAreParsedFromStrings() {
        RecordInput input = multi(List.of(
                MeasureValueInput.of("temperature", "21.5", "DOUBLE"),
                MeasureValueInput.of("humidity", "40", "BIGINT"),
                MeasureValueInput.of("status", "ok", "VARCHAR"),
                MeasureValueInput.of("online", "True", "BOOLEAN"),
                MeasureValueInput.of("last_seen", "1700000000123", "TIMESTAMP")));
        Record record = validate(input).accepted().getFirst().record();
        assertThat(record.measure()).isEqualTo(MultiMeasure.of(
                MeasureAttribute.of("temperature", new DoubleValue(21.5)),
                MeasureAttribute.of("humidity", new BigintValue(40)),
                MeasureAttribute.of("status", new VarcharValue("ok")),
                MeasureAttribute.of("online", BooleanValue.TRUE),
                MeasureAttribute.of("last_seen", new TimestampValue(1_700_000_000_123_000_000L))));
    }

    @Test
    void multiMeasureHolds256ValuesAndRejects257() {
        WriteValidation result = validate(multi(measureValues(256)), multi(measureValues(257)));
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(0);
        assertThat(result.rejected()).containsExactly(
                RejectedRecord.of(1, "A MULTI record can have at most 256 MeasureValues; it has 257."));
    }

    @Test
    void malformedMultiMeasureRecordsAreRejected() {
        WriteValidation result = validate(
                multi(List.of(MeasureValueInput.of("t", "1", "DOUBLE"), MeasureValueInput.of("t", "2", "DOUBLE"))),
                multi(List.of(MeasureValueInput.of("t", "x", "DOUBLE"))),
                multi(List.of(MeasureValueInput.of("t", "1", "MULTI"))),
                multi(List.of(MeasureValueInput.of("t", "1", "DOUBLE"))).toBuilder().measureValue("1").build(),
                temperature().measureValues(MeasureValueInput.of("t", "1", "DOUBLE")).build(),
                multi(List.of(MeasureValueInput.of("ts_t", "1", "DOUBLE"))));
        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "Measure value name 't' appears more than once in the MULTI record; names must be unique.",
                "MeasureValues entry 't': Measure value 'x' is not a valid DOUBLE: only finite decimal numbers such as "
                        + "1.5 or -2e3 can be written (NaN and Infinity cannot).",
                "MeasureValues entry 't' has type MULTI; a value inside a MULTI record must be DOUBLE, BIGINT, VARCHAR, "
                        + "BOOLEAN or TIMESTAMP.",
                "MeasureValue cannot be set on a MULTI record; put its values in MeasureValues.",
                "MeasureValues can only be set when MeasureValueType is MULTI; this record's MeasureValueType is DOUBLE.",
                "Measure name 'ts_t' is reserved: names cannot be time, measure_name, measure_value or "
                        + "ts_non_existent_col, cannot start with ts_, measure_name or measure_value, and cannot "
                        + "contain ':'.");
    }

    @Test
    void aRequiredPartitionKeyDimensionMustBeInEveryRecord() {
        TableDefinition table = tableWithKey(PartitionKeyEnforcement.REQUIRED);
        WriteValidation result = validator.validate(WriteRecordsInput.of(DATABASE, TABLE, List.of(
                        temperature().dimensions(DimensionInput.of("device_id", "car-1")).build(),
                        temperature().dimensions(DimensionInput.of("vin", "x")).build())),
                table, TableSchema.EMPTY);
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(0);
        assertThat(result.rejected()).containsExactly(RejectedRecord.of(1, "The record does not have the dimension "
                + "'device_id', which is the table's partition key and is REQUIRED in every record."));

        WriteRecordsInput viaCommon = new WriteRecordsInput(DATABASE, TABLE,
                new CommonAttributes(RecordInput.builder().dimensions(DimensionInput.of("device_id", "car-1")).build()),
                List.of(temperature().build()));
        assertThat(validator.validate(viaCommon, table, TableSchema.EMPTY).accepted()).hasSize(1);

        WriteValidation optional = validator.validate(WriteRecordsInput.of(DATABASE, TABLE, List.of(temperature().build())),
                tableWithKey(PartitionKeyEnforcement.OPTIONAL), TableSchema.EMPTY);
        assertThat(optional.accepted()).hasSize(1);
    }

    @Test
    void aRecordConflictingWithTheSchemaIsRejectedNotCoerced() {
        TableSchema existing = TableSchema.of(java.util.Set.of("device_id"), Map.of("pressure", MeasureValueType.BIGINT),
                Map.of());
        WriteValidation result = validator.validate(WriteRecordsInput.of(DATABASE, TABLE, List.of(
                        temperature().build(),
                        temperature().measureValueType("BIGINT").measureValue("21").build(),
                        temperature().measureName("pressure").measureValue("1.5").build(),
                        temperature().measureName("device_id").build())),
                DEFAULT_TABLE, existing);
        assertThat(result.accepted()).extracting(ValidatedRecord::recordIndex).containsExactly(0);
        assertThat(result.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "Measure 'temperature' has type DOUBLE in this table; the record writes it as BIGINT. A measure keeps "
                        + "the type it was first written with: write this value under another measure name or with "
                        + "type DOUBLE.",
                "Measure 'pressure' has type BIGINT in this table; the record writes it as DOUBLE. A measure keeps the "
                        + "type it was first written with: write this value under another measure name or with type "
                        + "BIGINT.",
                "Measure name 'device_id' is already used as a dimension name in this table; a dimension and a "
                        + "measure cannot share a name.");
        assertThat(result.schema().measures()).containsEntry("temperature", MeasureValueType.DOUBLE)
                .containsEntry("pressure", MeasureValueType.BIGINT);
    }

    @Test
    void theTableMustBeTheOneTheRequestNames() {
        TableDefinition other = TableDefinition.withDefaults(DatabaseName.of(DATABASE), TableName.of("Other"));
        assertThatIllegalArgumentException().isThrownBy(() -> validator.validate(
                WriteRecordsInput.of(DATABASE, TABLE, List.of(temperature().build())), other, TableSchema.EMPTY));
    }

    private static RecordInput.Builder temperature() {
        return RecordInput.builder()
                .measureName("temperature")
                .measureValue("21.5")
                .measureValueType("DOUBLE")
                .time("1700000000000");
    }

    private static RecordInput multi(List<MeasureValueInput> values) {
        return RecordInput.builder().measureName("sensor_metrics").measureValueType("MULTI").measureValues(values)
                .time("1700000000000").build();
    }

    private static List<MeasureValueInput> measureValues(int count) {
        List<MeasureValueInput> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(MeasureValueInput.of("v" + i, "true", "BOOLEAN"));
        }
        return values;
    }

    private static List<DimensionInput> dimensions(String prefix, int count) {
        List<DimensionInput> dimensions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dimensions.add(DimensionInput.of(prefix + i, "v"));
        }
        return dimensions;
    }

    private static List<RecordInput> repeat(RecordInput record, int count) {
        return Collections.nCopies(count, record);
    }

    private static TableDefinition tableWithKey(PartitionKeyEnforcement enforcement) {
        return new TableDefinition(DatabaseName.of(DATABASE), TableName.of(TABLE), RetentionProperties.DEFAULT,
                MagneticStoreWriteProperties.DISABLED,
                CompositePartitionKey.of(PartitionKey.dimension("device_id", enforcement)), Tags.NONE);
    }

    private WriteValidation validate(RecordInput... records) {
        return validate(List.of(records));
    }

    private WriteValidation validate(List<RecordInput> records) {
        return validator.validate(WriteRecordsInput.of(DATABASE, TABLE, records), DEFAULT_TABLE, TableSchema.EMPTY);
    }

    private void assertRequestInvalid(List<RecordInput> records, String message) {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> validator.validate(WriteRecordsInput.of(DATABASE, TABLE, records), DEFAULT_TABLE,
                        TableSchema.EMPTY))
                .withMessage(message);
    }
}
