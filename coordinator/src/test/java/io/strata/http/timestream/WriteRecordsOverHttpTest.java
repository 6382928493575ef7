package io.strata.http.timestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.api.v1.Dimension;
import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.RecordsIngested;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WriteRecords through the real SDK v2 write client, against the engine's strata.v1 messages. */
class WriteRecordsOverHttpTest {
    private static TimestreamEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = new TimestreamEndpoint();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.engine.reset();
    }

    @Test
    void everyMemberOfCommonAttributesAndSingleAndMultiRecordsArrives() {
        endpoint.engine.answer(WriteRecordsResponse.newBuilder().setRecordsIngested(RecordsIngested.newBuilder()
                .setTotal(3).setMemoryStore(2).setMagneticStore(1)).build());

        var response = endpoint.write.writeRecords(request -> request.databaseName("metrics").tableName("cpu")
                .commonAttributes(common -> common
                        .dimensions(dimension -> dimension.name("region").value("eu-west-1").dimensionValueType("VARCHAR"))
                        .measureValueType("DOUBLE").timeUnit("SECONDS").version(3L))
                .records(
                        record -> record.dimensions(dimension -> dimension.name("host").value("h-1"))
                                .measureName("usage").measureValue("12.5").time("1700000000"),
                        record -> record.measureName("stats").measureValueType("MULTI").time("1700000001123")
                                .timeUnit("MILLISECONDS").version(9L)
                                .measureValues(
                                        value -> value.name("load").value("0.75").type("DOUBLE"),
                                        value -> value.name("procs").value("412").type("BIGINT"),
                                        value -> value.name("state").value("ok").type("VARCHAR"),
                                        value -> value.name("healthy").value("true").type("BOOLEAN"),
                                        value -> value.name("boot").value("1699999000000").type("TIMESTAMP")),
                        record -> record.measureName("note").measureValue("").measureValueType("VARCHAR")
                                .time("1700000002000000000").timeUnit("NANOSECONDS")));

        WriteRecordsRequest expected = WriteRecordsRequest.newBuilder()
                .setDatabaseName("metrics").setTableName("cpu")
                .setCommonAttributes(Record.newBuilder()
                        .addDimensions(Dimension.newBuilder().setName("region").setValue("eu-west-1")
                                .setDimensionValueType(DimensionValueType.DIMENSION_VALUE_TYPE_VARCHAR))
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE)
                        .setTimeUnit(TimeUnit.TIME_UNIT_SECONDS)
                        .setVersion(3))
                .addRecords(Record.newBuilder()
                        .addDimensions(Dimension.newBuilder().setName("host").setValue("h-1"))
                        .setMeasureName("usage").setMeasureValue("12.5").setTime("1700000000"))
                .addRecords(Record.newBuilder()
                        .setMeasureName("stats").setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI)
                        .setTime("1700000001123").setTimeUnit(TimeUnit.TIME_UNIT_MILLISECONDS).setVersion(9)
                        .addMeasureValues(value("load", "0.75", MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE))
                        .addMeasureValues(value("procs", "412", MeasureValueType.MEASURE_VALUE_TYPE_BIGINT))
                        .addMeasureValues(value("state", "ok", MeasureValueType.MEASURE_VALUE_TYPE_VARCHAR))
                        .addMeasureValues(value("healthy", "true", MeasureValueType.MEASURE_VALUE_TYPE_BOOLEAN))
                        .addMeasureValues(value("boot", "1699999000000", MeasureValueType.MEASURE_VALUE_TYPE_TIMESTAMP)))
                .addRecords(Record.newBuilder()
                        .setMeasureName("note").setMeasureValue("")
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_VARCHAR)
                        .setTime("1700000002000000000").setTimeUnit(TimeUnit.TIME_UNIT_NANOSECONDS))
                .build();
        assertThat(endpoint.engine.last(WriteRecordsRequest.class)).contains(expected);
        assertThat(response.recordsIngested().total()).isEqualTo(3);
        assertThat(response.recordsIngested().memoryStore()).isEqualTo(2);
        assertThat(response.recordsIngested().magneticStore()).isEqualTo(1);
    }

    @Test
    void membersTheClientLeftOutStayAbsentSoTheEngineAppliesTimestreamsDefaults() {
        endpoint.write.writeRecords(request -> request.databaseName("metrics").tableName("cpu")
                .records(record -> record.measureName("usage").measureValue("1")));

        WriteRecordsRequest received = endpoint.engine.last(WriteRecordsRequest.class).orElseThrow();
        assertThat(received.hasCommonAttributes()).isFalse();
        Record record = received.getRecords(0);
        assertThat(record.hasTime()).isFalse();
        assertThat(record.hasVersion()).isFalse();
        assertThat(record.getMeasureValueType()).isEqualTo(MeasureValueType.MEASURE_VALUE_TYPE_UNSPECIFIED);
        assertThat(record.getTimeUnit()).isEqualTo(TimeUnit.TIME_UNIT_UNSPECIFIED);
        assertThat(record.getDimensionsList()).isEmpty();
    }

    @Test
    void aVersionOfZeroIsSentAsGivenForTheEngineToRejectNotDroppedAsAbsent() {
        endpoint.write.writeRecords(request -> request.databaseName("metrics").tableName("cpu")
                .records(record -> record.measureName("usage").measureValue("1").time("1").version(0L)));

        Record record = endpoint.engine.last(WriteRecordsRequest.class).orElseThrow().getRecords(0);
        assertThat(record.hasVersion()).isTrue();
        assertThat(record.getVersion()).isZero();
    }

    @Test
    void rejectedRecordsFromTheEngineReachTheSdkWithIndexReasonAndExistingVersion() {
        endpoint.engine.fail(new RejectedRecordsException(List.of(new RejectedRecord(1,
                "The record version 2 is lower than the existing version 5. "
                        + "A higher version is required to update the measure value.", OptionalLong.of(5L)))));

        var thrown = catchThrowableOfType(
                software.amazon.awssdk.services.timestreamwrite.model.RejectedRecordsException.class,
                () -> endpoint.write.writeRecords(request -> request.databaseName("metrics").tableName("cpu")
                        .records(record -> record.measureName("a").measureValue("1"),
                                record -> record.measureName("b").measureValue("2").version(2L))));

        assertThat(thrown.rejectedRecords()).singleElement().satisfies(rejected -> {
            assertThat(rejected.recordIndex()).isEqualTo(1);
            assertThat(rejected.reason()).startsWith("The record version 2 is lower");
            assertThat(rejected.existingVersion()).isEqualTo(5L);
        });
    }

    private static MeasureValue value(String name, String value, MeasureValueType type) {
        return MeasureValue.newBuilder().setName(name).setValue(value).setType(type).build();
    }
}
