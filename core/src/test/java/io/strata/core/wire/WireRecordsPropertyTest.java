package io.strata.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.core.error.ValidationException;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.Measure;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TableName;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.core.schema.TableSchema;
import io.strata.core.table.TableDefinition;
import io.strata.core.write.WriteRecordsValidator;
import io.strata.core.write.WriteValidation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The public API's records survive the wire: a valid record in canonical protobuf form goes
 * proto → bytes → domain (through the same validator every write takes) → proto unchanged; a
 * record with one member broken is refused with a named reason, and nothing but a
 * {@link ValidationException} ever escapes.
 */
class WireRecordsPropertyTest {
    private static final String DATABASE = "IoTMetrics";
    private static final String TABLE = "SensorReadings";
    private static final TableDefinition TABLE_DEFINITION =
            TableDefinition.withDefaults(DatabaseName.of(DATABASE), TableName.of(TABLE));
    private static final WriteRecordsValidator VALIDATOR = new WriteRecordsValidator();

    @Property(tries = 500)
    void aValidRecordSurvivesProtoToDomainToProto(@ForAll("records") Record record) throws InvalidProtocolBufferException {
        io.strata.api.v1.Record wire = WireRecords.toWire(record);
        WriteRecordsRequest sent = WriteRecordsRequest.newBuilder()
                .setDatabaseName(DATABASE).setTableName(TABLE).addRecords(wire).build();
        WriteRecordsRequest received = WriteRecordsRequest.parseFrom(sent.toByteArray());

        WriteValidation validation = VALIDATOR.validate(WireRecords.toInput(received), TABLE_DEFINITION, TableSchema.EMPTY);

        assertThat(validation.rejected()).isEmpty();
        Record domain = validation.accepted().getFirst().record();
        assertThat(domain).isEqualTo(record);
        assertThat(WireRecords.toWire(domain)).isEqualTo(wire);
    }

    @Property(tries = 500)
    void aBrokenRecordIsRefusedWithANamedReason(
            @ForAll("records") Record record, @ForAll("breakages") Breakage breakage) {
        io.strata.api.v1.Record broken = breakage.apply(WireRecords.toWire(record).toBuilder()).build();
        WriteRecordsRequest request = WriteRecordsRequest.newBuilder()
                .setDatabaseName(DATABASE).setTableName(TABLE).addRecords(broken).build();
        String reason;
        try {
            WriteValidation validation = VALIDATOR.validate(WireRecords.toInput(request), TABLE_DEFINITION, TableSchema.EMPTY);
            assertThat(validation.accepted()).as("accepted %s", broken).isEmpty();
            reason = validation.rejected().getFirst().reason();
            assertThat(validation.rejected().getFirst().recordIndex()).isZero();
        } catch (ValidationException invalid) {
            reason = invalid.getMessage();
        }
        assertThat(reason).as("reason for %s", breakage).containsIgnoringCase(breakage.reasonMentions());
    }

    /** One way to break a valid record, and a word the reason must contain. */
    enum Breakage {
        NEGATIVE_TIME("time"),
        NON_NUMERIC_TIME("time"),
        NO_MEASURE_NAME("measure"),
        RESERVED_DIMENSION_NAME("time"),
        EMPTY_DIMENSION_VALUE("dimension"),
        LONG_DIMENSION_NAME("60"),
        UNKNOWN_VALUE_TYPE("enum value set"),
        ZERO_VERSION("version");

        private final String reasonMentions;

        Breakage(String reasonMentions) {
            this.reasonMentions = reasonMentions;
        }

        String reasonMentions() {
            return reasonMentions;
        }

        io.strata.api.v1.Record.Builder apply(io.strata.api.v1.Record.Builder record) {
            return switch (this) {
                case NEGATIVE_TIME -> record.setTime("-1");
                case NON_NUMERIC_TIME -> record.setTime("12:00");
                case NO_MEASURE_NAME -> record.clearMeasureName();
                case RESERVED_DIMENSION_NAME -> record.addDimensions(dimension("time", "x"));
                case EMPTY_DIMENSION_VALUE -> record.addDimensions(dimension("zone", ""));
                case LONG_DIMENSION_NAME -> record.addDimensions(dimension("d".repeat(61), "x"));
                case UNKNOWN_VALUE_TYPE -> record.setMeasureValueTypeValue(42);
                case ZERO_VERSION -> record.setVersion(0);
            };
        }

        private static io.strata.api.v1.Dimension dimension(String name, String value) {
            return io.strata.api.v1.Dimension.newBuilder().setName(name).setValue(value).build();
        }
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    @Provide
    Arbitrary<Record> records() {
        Arbitrary<List<Dimension>> dimensions = Arbitraries.integers().between(0, 6).flatMap(count ->
                Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).list().ofSize(count).uniqueElements(),
                        Arbitraries.strings().withCharRange(' ', '~').withChars('é', '日', 'ß').ofMinLength(1).ofMaxLength(40)
                                .list().ofSize(count))
                        .as((names, values) -> {
                            List<Dimension> result = new ArrayList<>();
                            for (int i = 0; i < names.size(); i++) {
                                result.add(Dimension.of("dim_" + names.get(i), values.get(i)));
                            }
                            return result;
                        }));
        Arbitrary<String> measureName = Arbitraries.strings().alpha().numeric().withChars('_', '.', '-')
                .ofMinLength(1).ofMaxLength(60).map(name -> "m" + name);
        Arbitrary<Long> time = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Long> version = Arbitraries.oneOf(Arbitraries.just(1L), Arbitraries.longs().between(1, Long.MAX_VALUE));
        Arbitrary<Measure> measure = Arbitraries.oneOf(singleValues(), multiMeasures());
        return Combinators.combine(dimensions, measureName, time, version, measure)
                .as((dims, name, at, ver, value) ->
                        new Record(new SeriesKey(dims, MeasureName.of(name)), at, ver, value));
    }

    private static Arbitrary<Measure> singleValues() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().filter(Double::isFinite).map(DoubleValue::new),
                Arbitraries.longs().map(BigintValue::new),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(200).withCharRange(' ', '~').map(VarcharValue::new),
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE));
    }

    private static Arbitrary<Measure> multiMeasures() {
        Arbitrary<MeasureValue> anyValue = Arbitraries.oneOf(
                Arbitraries.doubles().filter(Double::isFinite).map(DoubleValue::new),
                Arbitraries.longs().map(BigintValue::new),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).alpha().map(VarcharValue::new),
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(TimestampValue::new));
        return Arbitraries.integers().between(1, 8).flatMap(count -> Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).list().ofSize(count).uniqueElements(),
                        anyValue.list().ofSize(count))
                .as((names, values) -> {
                    List<MeasureAttribute> attributes = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        attributes.add(MeasureAttribute.of("attr_" + names.get(i), values.get(i)));
                    }
                    return (Measure) new MultiMeasure(attributes);
                }));
    }
}
