package io.strata.http.timestream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.api.v1.Dimension;
import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.MeasureValue;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.http.protocol.AwsJsonProtocol;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any strata.v1 WriteRecordsRequest survives proto → Timestream JSON bytes → proto unchanged:
 * presence of every optional member, every enum value (UNSPECIFIED as an absent member), empty
 * and unusual strings (quotes, control characters, non-BMP), and the full range of versions.
 */
class WriteRecordsJsonPropertyTest {
    @Property(tries = 300)
    void aRequestSurvivesTheJsonEncoding(@ForAll("requests") WriteRecordsRequest request) throws Exception {
        byte[] body = AwsJsonProtocol.MAPPER.writeValueAsBytes(WriteJsonCodec.requestJson(request));
        JsonNode parsed = AwsJsonProtocol.MAPPER.readTree(body);

        assertThat(WriteJsonCodec.WRITE_RECORDS.request(parsed)).isEqualTo(request);
    }

    @Provide
    Arbitrary<WriteRecordsRequest> requests() {
        return Builders.withBuilder(WriteRecordsRequest::newBuilder)
                .use(text()).in(WriteRecordsRequest.Builder::setDatabaseName)
                .use(text()).in(WriteRecordsRequest.Builder::setTableName)
                .use(records()).withProbability(0.5).in(WriteRecordsRequest.Builder::setCommonAttributes)
                .use(records().list().ofMaxSize(5)).in(WriteRecordsRequest.Builder::addAllRecords)
                .build(WriteRecordsRequest.Builder::build);
    }

    private static Arbitrary<Record> records() {
        return Builders.withBuilder(Record::newBuilder)
                .use(dimensions().list().ofMaxSize(4)).in(Record.Builder::addAllDimensions)
                .use(text()).withProbability(0.7).in(Record.Builder::setMeasureName)
                .use(text()).withProbability(0.7).in(Record.Builder::setMeasureValue)
                .use(known(MeasureValueType.values())).in(Record.Builder::setMeasureValueType)
                .use(text()).withProbability(0.7).in(Record.Builder::setTime)
                .use(known(TimeUnit.values())).in(Record.Builder::setTimeUnit)
                .use(Arbitraries.longs()).withProbability(0.5).in(Record.Builder::setVersion)
                .use(measureValues().list().ofMaxSize(4)).in(Record.Builder::addAllMeasureValues)
                .build(Record.Builder::build);
    }

    private static Arbitrary<Dimension> dimensions() {
        return Builders.withBuilder(Dimension::newBuilder)
                .use(text()).in(Dimension.Builder::setName)
                .use(text()).in(Dimension.Builder::setValue)
                .use(known(DimensionValueType.values())).in(Dimension.Builder::setDimensionValueType)
                .build(Dimension.Builder::build);
    }

    private static Arbitrary<MeasureValue> measureValues() {
        return Builders.withBuilder(MeasureValue::newBuilder)
                .use(text()).in(MeasureValue.Builder::setName)
                .use(text()).in(MeasureValue.Builder::setValue)
                .use(known(MeasureValueType.values())).in(MeasureValue.Builder::setType)
                .build(MeasureValue.Builder::build);
    }

    /** Any value a server sends or a client sets, UNSPECIFIED included; UNRECOGNIZED only comes from bytes. */
    private static <E extends Enum<E>> Arbitrary<E> known(E[] values) {
        List<E> known = Arrays.stream(values).filter(value -> !value.name().equals("UNRECOGNIZED")).toList();
        return Arbitraries.of(known);
    }

    /** Valid UTF-16 text: any BMP character outside the surrogates, plus non-BMP code points. */
    private static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(12);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        return Arbitraries.oneOf(bmp, bmp, Arbitraries.of(""),
                Builders.withBuilder(StringBuilder::new)
                        .use(bmp).in(StringBuilder::append)
                        .use(supplementary).in(StringBuilder::append)
                        .use(bmp).in(StringBuilder::append)
                        .build(StringBuilder::toString));
    }
}
