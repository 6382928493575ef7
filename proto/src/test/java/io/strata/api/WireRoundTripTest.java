package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ColumnInfoList;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryStatus;
import io.strata.api.v1.Record;
import io.strata.api.v1.Row;
import io.strata.api.v1.S3Configuration;
import io.strata.api.v1.S3EncryptionOption;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TimeSeriesDataPoint;
import io.strata.api.v1.TimeSeriesDataPointList;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.Type;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.internal.v1.Compact;
import io.strata.internal.v1.Expire;
import io.strata.internal.v1.MultiMeasure;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a client, a coordinator and a replica send each other survives serialization unchanged: the
 * samples set every field of every message they reach (checked by {@link FieldCoverage}).
 */
class WireRoundTripTest {

    @Test
    void writeRecordsRequestSurvivesBytesWithEveryFieldSet() throws InvalidProtocolBufferException {
        WriteRecordsRequest request = WriteRecordsRequest.newBuilder()
                .setDatabaseName("devops")
                .setTableName("host_metrics")
                .setCommonAttributes(Record.newBuilder()
                        .addDimensions(dimension("region", "eu-west-1"))
                        .setTimeUnit(TimeUnit.TIME_UNIT_SECONDS)
                        .setTime("1767225600")
                        .setVersion(3)
                        .setMeasureName("cpu")
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_DOUBLE))
                .addRecords(Record.newBuilder()
                        .addDimensions(dimension("host", "web-1"))
                        .setMeasureValue("12.5"))
                .addRecords(Record.newBuilder()
                        .addDimensions(dimension("host", "web-2"))
                        .setMeasureName("metrics")
                        .setMeasureValueType(MeasureValueType.MEASURE_VALUE_TYPE_MULTI)
                        .addMeasureValues(MeasureValue.newBuilder()
                                .setName("memory_free")
                                .setValue("2048")
                                .setType(MeasureValueType.MEASURE_VALUE_TYPE_BIGINT))
                        .addMeasureValues(MeasureValue.newBuilder()
                                .setName("booted_at")
                                .setValue("1767225000000000000")
                                .setType(MeasureValueType.MEASURE_VALUE_TYPE_TIMESTAMP)))
                .build();

        assertThat(FieldCoverage.unsetFields(List.of(request))).isEmpty();
        assertThat(roundTrip(request, WriteRecordsRequest.parser())).isEqualTo(request);
    }

    @Test
    void queryResponseWithArrayRowAndTimeSeriesDatumsSurvivesBytes() throws InvalidProtocolBufferException {
        ColumnInfo hostColumn = column("host", scalar(ScalarType.SCALAR_TYPE_VARCHAR));
        ColumnInfo cpuSeries = column("cpu_series", Type.newBuilder()
                .setTimeSeriesMeasureValueColumnInfo(unnamed(scalar(ScalarType.SCALAR_TYPE_DOUBLE)))
                .build());
        ColumnInfo percentiles = column("percentiles", Type.newBuilder()
                .setArrayColumnInfo(unnamed(scalar(ScalarType.SCALAR_TYPE_DOUBLE)))
                .build());
        ColumnInfo extremes = column("extremes", Type.newBuilder()
                .setRowColumnInfo(ColumnInfoList.newBuilder()
                        .addColumnInfo(column("min", scalar(ScalarType.SCALAR_TYPE_DOUBLE)))
                        .addColumnInfo(column("max", scalar(ScalarType.SCALAR_TYPE_DOUBLE))))
                .build());

        QueryResponse response = QueryResponse.newBuilder()
                .setQueryId("AEDACANAOM3XWCS7UFB3WDKSOK2HJ5U2M5T7ZUBL3XUY3FAJANBUTOGZLPJW3RQ")
                .setNextToken("AYABeNRk3Xo")
                .addAllColumnInfo(List.of(hostColumn, cpuSeries, percentiles, extremes))
                .addRows(Row.newBuilder()
                        .addData(scalarDatum("web-1"))
                        .addData(Datum.newBuilder().setTimeSeriesValue(TimeSeriesDataPointList.newBuilder()
                                .addDataPoints(point("2026-01-01 00:00:00.000000000", scalarDatum("12.5")))
                                .addDataPoints(point("2026-01-01 00:01:00.000000000", nullDatum()))))
                        .addData(Datum.newBuilder().setArrayValue(DatumList.newBuilder()
                                .addData(scalarDatum("40.0"))
                                .addData(scalarDatum("97.5"))))
                        .addData(Datum.newBuilder().setRowValue(Row.newBuilder()
                                .addData(scalarDatum("1.0"))
                                .addData(nullDatum()))))
                .setQueryStatus(QueryStatus.newBuilder()
                        .setProgressPercentage(100.0)
                        .setCumulativeBytesScanned(1_048_576)
                        .setCumulativeBytesMetered(10_485_760))
                .build();

        assertThat(FieldCoverage.unsetFields(List.of(response))).isEmpty();
        QueryResponse decoded = roundTrip(response, QueryResponse.parser());
        assertThat(decoded).isEqualTo(response);
        assertThat(decoded.getRows(0).getData(1).getTimeSeriesValue().getDataPoints(1).getValue().getNullValue())
                .isTrue();
    }

    @Test
    void everyKindOfShardCommandSurvivesBytes() throws InvalidProtocolBufferException {
        PartitionId partition = PartitionId.newBuilder()
                .setDatabaseName("devops")
                .setTableName("host_metrics")
                .setTableId("6f1c3a9e-8a55-4d0e-9b8e-2f1d7c5e4a10")
                .setTimeSlot(490_897)
                .setKeyBucket(17)
                .build();
        ShardCommand write = ShardCommand.newBuilder().setWriteBatch(WriteBatch.newBuilder()
                        .setDatabaseName("devops")
                        .setTableName("host_metrics")
                        .setTableId("6f1c3a9e-8a55-4d0e-9b8e-2f1d7c5e4a10")
                        .setIngestTimeNanos(1_767_225_600_123_456_789L)
                        .setSettings(TableWriteSettings.newBuilder()
                                .setMemoryStoreRetentionHours(6)
                                .setMagneticStoreRetentionDays(73_000)
                                .setEnableMagneticStoreWrites(true)
                                .setRejectedDataLocation(MagneticStoreRejectedDataLocation.newBuilder()
                                        .setS3Configuration(S3Configuration.newBuilder()
                                                .setBucketName("rejected-data")
                                                .setObjectKeyPrefix("devops/")
                                                .setEncryptionOption(S3EncryptionOption.S3_ENCRYPTION_OPTION_SSE_KMS)
                                                .setKmsKeyId("key-1"))))
                        .addRecords(stored(0).setValue(TypedValue.newBuilder().setDoubleValue(12.5)))
                        .addRecords(stored(1).setMulti(MultiMeasure.newBuilder()
                                .addValues(named("load", TypedValue.newBuilder().setBigintValue(-3)))
                                .addValues(named("state", TypedValue.newBuilder().setVarcharValue("up")))
                                .addValues(named("healthy", TypedValue.newBuilder().setBooleanValue(true)))
                                .addValues(named("booted_at", TypedValue.newBuilder()
                                        .setTimestampNanos(1_767_225_000_000_000_000L))))))
                .build();
        ShardCommand seal = ShardCommand.newBuilder()
                .setSeal(Seal.newBuilder().setPartition(partition).setUpToNanos(1_767_200_000_000_000_000L))
                .build();
        ShardCommand expire = ShardCommand.newBuilder()
                .setExpire(Expire.newBuilder().setPartition(partition).setBeforeNanos(1_000_000_000L))
                .build();
        ShardCommand compact = ShardCommand.newBuilder()
                .setCompact(Compact.newBuilder().setPartition(partition).setTargetSegmentBytes(64L << 20))
                .build();
        List<ShardCommand> commands = List.of(write, seal, expire, compact);

        assertThat(FieldCoverage.unsetFields(commands)).isEmpty();
        for (ShardCommand command : commands) {
            assertThat(roundTrip(command, ShardCommand.parser())).isEqualTo(command);
        }
        assertThat(roundTrip(write, ShardCommand.parser()).getCommandCase())
                .isEqualTo(ShardCommand.CommandCase.WRITE_BATCH);
    }

    @Test
    void coverageCheckNamesTheFieldsASampleLeavesUnset() {
        Record sparse = Record.newBuilder().setMeasureName("cpu").build();

        assertThat(FieldCoverage.unsetFields(List.of(sparse)))
                .contains("strata.v1.Record.time", "strata.v1.Record.version", "strata.v1.Record.dimensions")
                .doesNotContain("strata.v1.Record.measure_name");
    }

    private static <M extends Message> M roundTrip(M message, Parser<M> parser)
            throws InvalidProtocolBufferException {
        ByteString bytes = message.toByteString();
        M decoded = parser.parseFrom(bytes);
        assertThat(decoded.getUnknownFields().asMap()).isEmpty();
        return decoded;
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.newBuilder()
                .setName(name)
                .setValue(value)
                .setDimensionValueType(DimensionValueType.DIMENSION_VALUE_TYPE_VARCHAR)
                .build();
    }

    private static Type scalar(ScalarType type) {
        return Type.newBuilder().setScalarType(type).build();
    }

    private static ColumnInfo column(String name, Type type) {
        return ColumnInfo.newBuilder().setName(name).setType(type).build();
    }

    private static ColumnInfo unnamed(Type type) {
        return ColumnInfo.newBuilder().setType(type).build();
    }

    private static Datum scalarDatum(String text) {
        return Datum.newBuilder().setScalarValue(text).build();
    }

    private static Datum nullDatum() {
        return Datum.newBuilder().setNullValue(true).build();
    }

    private static TimeSeriesDataPoint point(String time, Datum value) {
        return TimeSeriesDataPoint.newBuilder().setTime(time).setValue(value).build();
    }

    private static StoredRecord.Builder stored(int requestIndex) {
        return StoredRecord.newBuilder()
                .addDimensions(StoredDimension.newBuilder().setName("host").setValue("web-" + requestIndex))
                .addDimensions(StoredDimension.newBuilder().setName("region").setValue("eu-west-1"))
                .setMeasureName("cpu")
                .setTimeNanos(1_767_225_600_000_000_000L + requestIndex)
                .setVersion(2)
                .setRequestIndex(requestIndex);
    }

    private static NamedValue named(String name, TypedValue.Builder value) {
        return NamedValue.newBuilder().setName(name).setValue(value).build();
    }
}
