package io.strata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTest {
    private static final MeasureName CPU = MeasureName.of("cpu_utilization");

    @Test
    void sizeIsTimePlusDimensionsPlusMeasureNamePlusValue() {
        // 8 + (6+9) + (2+3) + (8+14) + (13+3) + 15 + 8: four dimensions and a double.
        SeriesKey series = SeriesKey.of(CPU, Dimension.of("region", "us-east-1"), Dimension.of("az", "az1"),
                Dimension.of("instance_id", "i-1234567890ab"), Dimension.of("instance_type", "m5l"));
        Record record = Record.of(series, 0, new DoubleValue(13.5));
        assertThat(record.sizeInBytes()).isEqualTo(8 + 15 + 5 + 25 + 16 + 15 + 8);
    }

    @Test
    void recordOf2048BytesIsAcceptedAnd2049IsRefused() {
        // 8 (time) + 1 (measure name) + 60 + value bytes; VARCHAR value fills the rest.
        SeriesKey series = SeriesKey.of(MeasureName.of("m"), Dimension.of("d".repeat(60), "v".repeat(1000)));
        int fill = 2048 - 8 - 1 - 60 - 1000;
        assertThat(Record.of(series, 0, new VarcharValue("x".repeat(fill))).sizeInBytes()).isEqualTo(2048);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Record.of(series, 0, new VarcharValue("x".repeat(fill + 1))))
                .withMessage("The record size is 2049 bytes, which exceeds the maximum record size of 2048 bytes "
                        + "(8 bytes of time + dimension names and values + measure name + measure values).");
    }

    @Test
    void versionDefaultsToOneAndMustBePositive() {
        SeriesKey series = SeriesKey.of(CPU);
        assertThat(Record.of(series, 0, new DoubleValue(1)).version()).isEqualTo(1);
        assertThat(new Record(series, 0, 1, new DoubleValue(1)).version()).isEqualTo(1);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new Record(series, 0, 0, new DoubleValue(1)))
                .withMessage("1 validation error detected: Value '0' at 'version' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void aSingleTimestampMeasureIsRefused() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Record.of(SeriesKey.of(CPU), 0, new TimestampValue(5)))
                .withMessage("MeasureValueType TIMESTAMP is only supported inside a MULTI record's MeasureValues.");
    }

    @Test
    void negativeTimeIsRefused() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Record.of(SeriesKey.of(CPU), -1, new DoubleValue(1)))
                .withMessage("Invalid time for record.");
    }

    @Test
    void dimensionsAreSortedByName() {
        Record record = Record.of(SeriesKey.of(CPU, Dimension.of("zone", "a"), Dimension.of("host", "h")), 1,
                BooleanValue.TRUE);
        assertThat(record.dimensions()).extracting(Dimension::name).containsExactly("host", "zone");
    }

    @Test
    void seriesKeyIdentityIgnoresDimensionOrder() {
        SeriesKey one = SeriesKey.of(CPU, Dimension.of("a", "1"), Dimension.of("b", "2"));
        SeriesKey two = SeriesKey.of(CPU, Dimension.of("b", "2"), Dimension.of("a", "1"));
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(SeriesKey.of(CPU, Dimension.of("a", "1"), Dimension.of("b", "3")));
        assertThat(one).isNotEqualTo(SeriesKey.of(MeasureName.of("mem"), Dimension.of("a", "1"), Dimension.of("b", "2")));
        assertThat(one.compareTo(two)).isZero();
        assertThat(one.dimensionValue("b")).isEqualTo("2");
        assertThat(one.dimensionValue("c")).isNull();
    }

    @Test
    void seriesKeyHolds128DimensionsAndRefusesMoreOrDuplicates() {
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            dimensions.add(Dimension.of("d" + i, "v"));
        }
        assertThat(new SeriesKey(dimensions, CPU).dimensions()).hasSize(128);
        dimensions.add(Dimension.of("d128", "v"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new SeriesKey(dimensions, CPU))
                .withMessage("A record can have at most 128 dimensions; it has 129.");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> SeriesKey.of(CPU, Dimension.of("a", "1"), Dimension.of("a", "2")))
                .withMessage("Dimension name 'a' appears more than once; a record must contain dimensions with unique "
                        + "names.");
    }

    @Test
    void measureNameIsOneTo256Bytes() {
        assertThat(MeasureName.of("m".repeat(256)).sizeInBytes()).isEqualTo(256);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureName.of("m".repeat(257)))
                .withMessageEndingWith("at 'measureName' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 256");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureName.of(""))
                .withMessage("1 validation error detected: Value '' at 'measureName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }
}
