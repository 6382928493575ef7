package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.RejectedRecord;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * "Not given" stays distinguishable from "given as zero or empty" after the wire, because
 * Timestream's defaults (version 1, DOUBLE, MILLISECONDS) and CommonAttributes merging depend on it.
 */
class PresenceTest {

    @Test
    void unsetOptionalFieldsAndUnspecifiedEnumsReadAsAbsentAfterTheWire() throws InvalidProtocolBufferException {
        Record sent = Record.newBuilder().setMeasureName("cpu").setMeasureValue("1.5").build();

        Record received = Record.parseFrom(sent.toByteArray());

        assertThat(received.hasVersion()).isFalse();
        assertThat(received.hasTime()).isFalse();
        assertThat(received.getMeasureValueType()).isEqualTo(MeasureValueType.MEASURE_VALUE_TYPE_UNSPECIFIED);
        assertThat(received.getTimeUnit()).isEqualTo(TimeUnit.TIME_UNIT_UNSPECIFIED);
        assertThat(received.hasMeasureName()).isTrue();
    }

    @Test
    void explicitZeroVersionAndEmptyStringsArePresentSoValidationCanRejectThem()
            throws InvalidProtocolBufferException {
        // Version 0 must fail validation ("must be >= 1"), not silently become the default 1.
        Record sent = Record.newBuilder().setVersion(0).setTime("").setMeasureValue("").build();

        Record received = Record.parseFrom(sent.toByteArray());

        assertThat(received.hasVersion()).isTrue();
        assertThat(received.getVersion()).isZero();
        assertThat(received.hasTime()).isTrue();
        assertThat(received.hasMeasureValue()).isTrue();
    }

    @Test
    void rejectedRecordWithoutExistingVersionReadsAsAbsent() throws InvalidProtocolBufferException {
        RejectedRecord outsideWindow = RejectedRecord.newBuilder()
                .setRecordIndex(0)
                .setReason("The record timestamp is outside the time range of the memory store.")
                .build();
        RejectedRecord duplicate = RejectedRecord.newBuilder()
                .setRecordIndex(1)
                .setReason("The record version 2 is lower than the existing version 200.")
                .setExistingVersion(200)
                .build();

        assertThat(RejectedRecord.parseFrom(outsideWindow.toByteArray()).hasExistingVersion()).isFalse();
        RejectedRecord decodedDuplicate = RejectedRecord.parseFrom(duplicate.toByteArray());
        assertThat(decodedDuplicate.hasExistingVersion()).isTrue();
        assertThat(decodedDuplicate.getExistingVersion()).isEqualTo(200);
    }

    @Test
    void recordFieldsWinOverCommonAttributesAndAbsentOnesAreInherited() {
        Record common = Record.newBuilder()
                .addDimensions(Dimension.newBuilder().setName("region").setValue("eu-west-1"))
                .setTime("1767225600")
                .setTimeUnit(TimeUnit.TIME_UNIT_SECONDS)
                .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_BIGINT)
                .setVersion(5)
                .build();
        Record record = Record.newBuilder()
                .addDimensions(Dimension.newBuilder().setName("host").setValue("web-1"))
                .setMeasureName("requests")
                .setMeasureValue("42")
                .setVersion(1)
                .build();

        // Protobuf's merge is the merge Timestream describes, exactly because of presence.
        Record merged = common.toBuilder().mergeFrom(record).build();

        assertThat(merged.getDimensionsList())
                .extracting(Dimension::getName)
                .containsExactly("region", "host");
        assertThat(merged.getTime()).isEqualTo("1767225600");
        assertThat(merged.getTimeUnit()).isEqualTo(TimeUnit.TIME_UNIT_SECONDS);
        assertThat(merged.getMeasureValueType()).isEqualTo(MeasureValueType.MEASURE_VALUE_TYPE_BIGINT);
        assertThat(merged.getVersion()).as("the record's own version wins, even a lower one").isEqualTo(1);
        assertThat(merged.getMeasureName()).isEqualTo("requests");
    }

    @Test
    void enumValueFromANewerClientIsKeptAsUnrecognizedSoValidationCanNameIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream output = CodedOutputStream.newInstance(bytes);
        output.writeEnum(Record.MEASURE_VALUE_TYPE_FIELD_NUMBER, 42);
        output.flush();

        Record received = Record.parseFrom(bytes.toByteArray());

        assertThat(received.getMeasureValueType()).isEqualTo(MeasureValueType.UNRECOGNIZED);
        assertThat(received.getMeasureValueTypeValue()).isEqualTo(42);
        WriteRecordsRequest request = WriteRecordsRequest.newBuilder().addRecords(received).build();
        assertThat(request.getRecords(0).getMeasureValueTypeValue()).isEqualTo(42);
    }
}
