package io.strata.core.write;

import io.strata.core.error.RejectedRecord;
import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolation;
import io.strata.core.model.ConstraintViolations;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.Dimension;
import io.strata.core.model.Measure;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TableName;
import io.strata.core.model.Utf8;
import io.strata.core.schema.TableSchema;
import io.strata.core.table.TableDefinition;
import io.strata.core.time.TimeUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The WriteRecords boundary: turns what a client sent into validated {@link Record}s, splitting
 * problems the way Timestream does.
 *
 * <p><b>The request is invalid</b> — {@link ValidationException}, nothing is stored: missing or
 * malformed database/table name; records missing, empty or more than 100; model constraints of any
 * record or of CommonAttributes (dimension name 1–60 bytes, dimension value non-empty,
 * DimensionValueType not VARCHAR, empty MeasureName, MeasureValue 1–2048 characters, more than 128
 * dimensions in one list, enum values, Time 1–256 characters, Version &lt; 1, a dimension name
 * repeated in a record or in CommonAttributes, TIMESTAMP as a single measure type, observed as a
 * 400); and a Time that is not a non-negative integer within range ({@code Invalid time for
 * record.}, observed).
 *
 * <p><b>This record is rejected</b> — a {@link RejectedRecord}, the other records go on: a missing
 * MeasureName, MeasureValue(s) or Time; MeasureName over 256 bytes; more than 128 dimensions after
 * merging; reserved dimension or attribute names; values that do not parse as their type (NaN,
 * Infinity, out-of-range BIGINT, ...); MULTI shape errors (MeasureValue set, no or more than 256
 * MeasureValues, duplicate names, nested MULTI); record size over 2048 bytes (spec §1.6); a
 * REQUIRED partition-key dimension missing; conflicts with the table schema (including earlier
 * records of the same request).
 *
 * <p>[U] Timestream does not document which side of this split some of these fall on; the choice
 * above follows the rule "model constraints are request-level, service rules are per record",
 * which is what Timestream's front end (Coral) and its documented rejection causes imply.
 *
 * <p>The ingestion window is not checked here: it depends on the ingest time, which the replicated
 * apply carries (see {@link io.strata.core.time.IngestionWindow}).
 *
 * <p>Stateless and thread-safe; the same input always yields the same outcome. No exception
 * other than {@link ValidationException} escapes {@link #validate}.
 */
public final class WriteRecordsValidator {
    public static final int MAXIMUM_RECORDS = 100;
    public static final int MAXIMUM_MEASURE_VALUE_LENGTH = 2048;
    public static final int MAXIMUM_TIME_LENGTH = 256;
    private static final List<String> DIMENSION_VALUE_TYPES = List.of("VARCHAR");

    /**
     * Checks everything that makes the request itself invalid and needs no table: names, record
     * count, and the model constraints of CommonAttributes and every record.
     *
     * @throws ValidationException listing every violation, Coral style
     */
    public void checkRequest(WriteRecordsInput request) {
        ConstraintViolations violations = new ConstraintViolations();
        DatabaseName.check(request.databaseName(), "databaseName", violations);
        TableName.check(request.tableName(), "tableName", violations);
        checkShape(request.commonAttributes().attributes(), "commonAttributes", violations);
        List<RecordInput> records = request.records();
        if (violations.requirePresent(records, "records")) {
            violations.size(records, "records", 1, MAXIMUM_RECORDS);
            // An oversized request is refused for its size alone; walking all of it would let a
            // client make the node do unbounded work before the refusal.
            for (int i = 0; i < Math.min(records.size(), MAXIMUM_RECORDS); i++) {
                String path = "records." + (i + 1) + ".member";
                if (violations.requirePresent(records.get(i), path)) {
                    checkShape(records.get(i), path, violations);
                }
            }
        }
        violations.throwIfAny();
    }

    /**
     * Validates a whole request against its table.
     *
     * @param table the table the request names (its names must equal the request's)
     * @param schema the table's schema before this request
     * @throws ValidationException if the request is invalid; nothing may be stored then
     * @throws IllegalArgumentException if {@code table} is not the table the request names
     */
    public WriteValidation validate(WriteRecordsInput request, TableDefinition table, TableSchema schema) {
        checkRequest(request);
        if (!table.database().value().equals(request.databaseName())
                || !table.table().value().equals(request.tableName())) {
            throw new IllegalArgumentException("the request names " + request.databaseName() + "."
                    + request.tableName() + ", not " + table.database() + "." + table.table());
        }
        Optional<String> requiredDimension = table.partitionKey().requiredDimension();
        List<RecordInput> records = request.records();
        List<RecordInput> merged = new ArrayList<>(records.size());
        long[] times = new long[records.size()];
        // Request-level problems found while merging fail the request before any record is judged.
        for (int i = 0; i < records.size(); i++) {
            RecordInput record = request.commonAttributes().applyTo(records.get(i), i);
            merged.add(record);
            times[i] = record.time() == null ? -1 : timeUnit(record).toEpochNanos(record.time());
        }
        List<ValidatedRecord> accepted = new ArrayList<>(records.size());
        List<RejectedRecord> rejected = new ArrayList<>();
        TableSchema current = schema;
        for (int i = 0; i < merged.size(); i++) {
            String reason;
            try {
                Object outcome = judge(merged.get(i), times[i], requiredDimension, current);
                if (outcome instanceof Record record) {
                    current = current.with(record);
                    accepted.add(new ValidatedRecord(i, record));
                    continue;
                }
                reason = (String) outcome;
            } catch (ValidationException invalid) {
                // A value type's own rule (its compact constructor) speaks for the record.
                reason = invalid.getMessage();
            }
            rejected.add(RejectedRecord.of(i, reason));
        }
        return new WriteValidation(accepted, rejected, current);
    }

    /** The record, or the reason (a String) it is rejected. */
    private static Object judge(RecordInput input, long time, Optional<String> requiredDimension, TableSchema schema) {
        if (input.time() == null) {
            return "Time is missing: set Time on the record or in CommonAttributes.";
        }
        if (input.measureName() == null) {
            return "MeasureName is missing: set MeasureName on the record or in CommonAttributes.";
        }
        int measureNameBytes = Utf8.encodedLength(input.measureName());
        if (measureNameBytes > MeasureName.MAXIMUM_BYTES) {
            return "MeasureName is " + measureNameBytes + " bytes long; a measure name can be at most "
                    + MeasureName.MAXIMUM_BYTES + " bytes.";
        }
        List<DimensionInput> dimensionInputs = input.dimensions() == null ? List.of() : input.dimensions();
        if (dimensionInputs.size() > SeriesKey.MAXIMUM_DIMENSIONS) {
            return "The record has " + dimensionInputs.size() + " dimensions including CommonAttributes; a record can "
                    + "have at most " + SeriesKey.MAXIMUM_DIMENSIONS + ".";
        }
        List<Dimension> dimensions = new ArrayList<>(dimensionInputs.size());
        for (DimensionInput dimension : dimensionInputs) {
            dimensions.add(new Dimension(dimension.name(), dimension.value()));
        }
        TimeUnit unit = timeUnit(input);
        MeasureValueType type = input.measureValueType() == null
                ? MeasureValueType.DEFAULT
                : MeasureValueType.fromWireName(input.measureValueType());
        Object measure = type == MeasureValueType.MULTI ? multiMeasure(input, unit) : singleMeasure(input, type, unit);
        if (measure instanceof String reason) {
            return reason;
        }
        SeriesKey series = new SeriesKey(dimensions, new MeasureName(input.measureName()));
        int size = Record.sizeInBytes(series, (Measure) measure);
        if (size > Record.MAXIMUM_SIZE_BYTES) {
            return Record.tooLargeReason(size);
        }
        if (requiredDimension.isPresent() && series.dimensionValue(requiredDimension.get()) == null) {
            return "The record does not have the dimension '" + requiredDimension.get() + "', which is the table's "
                    + "partition key and is REQUIRED in every record.";
        }
        long version = input.version() == null ? Record.DEFAULT_VERSION : input.version();
        Record record = new Record(series, time, version, (Measure) measure);
        Optional<String> conflict = schema.conflictWith(record);
        return conflict.isPresent() ? conflict.get() : record;
    }

    private static Object singleMeasure(RecordInput input, MeasureValueType type, TimeUnit unit) {
        if (input.measureValues() != null && !input.measureValues().isEmpty()) {
            return "MeasureValues can only be set when MeasureValueType is MULTI; this record's MeasureValueType is "
                    + type + ".";
        }
        if (input.measureValue() == null) {
            return "MeasureValue is missing: a " + type + " record needs a MeasureValue.";
        }
        return MeasureValue.parse(type, input.measureValue(), unit);
    }

    private static Object multiMeasure(RecordInput input, TimeUnit unit) {
        if (input.measureValue() != null) {
            return "MeasureValue cannot be set on a MULTI record; put its values in MeasureValues.";
        }
        List<MeasureValueInput> values = input.measureValues();
        if (values == null || values.isEmpty()) {
            return "A MULTI record must have at least one entry in MeasureValues.";
        }
        if (values.size() > MultiMeasure.MAXIMUM_ATTRIBUTES) {
            return "A MULTI record can have at most " + MultiMeasure.MAXIMUM_ATTRIBUTES + " MeasureValues; it has "
                    + values.size() + ".";
        }
        List<MeasureAttribute> attributes = new ArrayList<>(values.size());
        for (MeasureValueInput value : values) {
            MeasureValueType type = MeasureValueType.fromWireName(value.type());
            if (type == MeasureValueType.MULTI) {
                return "MeasureValues entry '" + value.name() + "' has type MULTI; a value inside a MULTI record must be "
                        + "DOUBLE, BIGINT, VARCHAR, BOOLEAN or TIMESTAMP.";
            }
            int nameBytes = Utf8.encodedLength(value.name());
            if (nameBytes > MeasureAttribute.MAXIMUM_NAME_BYTES) {
                return "A MeasureValues name is " + nameBytes + " bytes long; a measure name can be at most "
                        + MeasureAttribute.MAXIMUM_NAME_BYTES + " bytes.";
            }
            MeasureValue parsed;
            try {
                parsed = MeasureValue.parse(type, value.value(), unit);
            } catch (ValidationException invalid) {
                return "MeasureValues entry '" + value.name() + "': " + invalid.getMessage();
            }
            attributes.add(new MeasureAttribute(value.name(), parsed));
        }
        return new MultiMeasure(attributes);
    }

    private static TimeUnit timeUnit(RecordInput input) {
        return input.timeUnit() == null ? TimeUnit.DEFAULT : TimeUnit.fromWireName(input.timeUnit());
    }

    /** The model constraints of one record-shaped input at {@code path}. */
    private static void checkShape(RecordInput record, String path, ConstraintViolations violations) {
        List<DimensionInput> dimensions = record.dimensions();
        if (dimensions != null) {
            violations.size(dimensions, path + ".dimensions", 0, SeriesKey.MAXIMUM_DIMENSIONS);
            Set<String> names = new HashSet<>();
            for (int j = 0; j < dimensions.size(); j++) {
                String member = path + ".dimensions." + (j + 1) + ".member";
                DimensionInput dimension = dimensions.get(j);
                if (!violations.requirePresent(dimension, member)) {
                    continue;
                }
                if (violations.requirePresent(dimension.name(), member + ".name")) {
                    violations.byteLength(dimension.name(), member + ".name", 1, Dimension.MAXIMUM_NAME_BYTES);
                    if (!names.add(dimension.name())) {
                        violations.add(ConstraintViolation.rule(dimension.name(), member + ".name",
                                "Member must be unique within the record; a record must contain dimensions with "
                                        + "unique names"));
                    }
                }
                if (violations.requirePresent(dimension.value(), member + ".value")) {
                    violations.characterLength(dimension.value(), member + ".value", 1, Integer.MAX_VALUE);
                }
                if (dimension.dimensionValueType() != null) {
                    violations.enumValue(dimension.dimensionValueType(), member + ".dimensionValueType",
                            DIMENSION_VALUE_TYPES);
                }
            }
        }
        if (record.measureName() != null) {
            violations.characterLength(record.measureName(), path + ".measureName", 1, Integer.MAX_VALUE);
        }
        if (record.measureValue() != null) {
            violations.characterLength(record.measureValue(), path + ".measureValue", 1, MAXIMUM_MEASURE_VALUE_LENGTH);
        }
        if (record.measureValueType() != null) {
            violations.enumValue(record.measureValueType(), path + ".measureValueType", MeasureValueType.WIRE_NAMES);
            if (record.measureValueType().equals(MeasureValueType.TIMESTAMP.name())) {
                violations.add(ConstraintViolation.rule(record.measureValueType(), path + ".measureValueType",
                        "Member must not be TIMESTAMP; TIMESTAMP is only supported for values inside MeasureValues "
                                + "of a MULTI record"));
            }
        }
        List<MeasureValueInput> measureValues = record.measureValues();
        if (measureValues != null) {
            for (int j = 0; j < measureValues.size(); j++) {
                String member = path + ".measureValues." + (j + 1) + ".member";
                MeasureValueInput value = measureValues.get(j);
                if (!violations.requirePresent(value, member)) {
                    continue;
                }
                if (violations.requirePresent(value.name(), member + ".name")) {
                    violations.characterLength(value.name(), member + ".name", 1, Integer.MAX_VALUE);
                }
                if (violations.requirePresent(value.value(), member + ".value")) {
                    violations.characterLength(value.value(), member + ".value", 1, MAXIMUM_MEASURE_VALUE_LENGTH);
                }
                if (violations.requirePresent(value.type(), member + ".type")) {
                    violations.enumValue(value.type(), member + ".type", MeasureValueType.WIRE_NAMES);
                }
            }
        }
        if (record.time() != null) {
            violations.characterLength(record.time(), path + ".time", 1, MAXIMUM_TIME_LENGTH);
        }
        if (record.timeUnit() != null) {
            violations.enumValue(record.timeUnit(), path + ".timeUnit", TimeUnit.WIRE_NAMES);
        }
        if (record.version() != null) {
            violations.range(record.version(), path + ".version", 1, Long.MAX_VALUE);
        }
    }
}
