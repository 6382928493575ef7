package io.strata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiMeasureTest {
    @Test
    void holds256AttributesAndRefuses257() {
        assertThat(new MultiMeasure(attributes(256)).attributes()).hasSize(256);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new MultiMeasure(attributes(257)))
                .withMessage("A MULTI record can have at most 256 measure values; it has 257.");
    }

    @Test
    void refusesNoAttributes() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new MultiMeasure(List.of()))
                .withMessage("A MULTI record must have at least one measure value.");
    }

    @Test
    void refusesDuplicateNames() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MultiMeasure.of(MeasureAttribute.of("t", new DoubleValue(1)),
                        MeasureAttribute.of("t", new BigintValue(1))))
                .withMessage("Measure value name 't' appears more than once in the MULTI record; names must be unique.");
    }

    @Test
    void attributeOrderDoesNotMatter() {
        MeasureAttribute temperature = MeasureAttribute.of("temperature", new DoubleValue(21.5));
        MeasureAttribute humidity = MeasureAttribute.of("humidity", new BigintValue(40));
        assertThat(MultiMeasure.of(temperature, humidity)).isEqualTo(MultiMeasure.of(humidity, temperature));
        assertThat(MultiMeasure.of(temperature, humidity).attributes()).containsExactly(humidity, temperature);
    }

    @Test
    void sizeIsTheSumOfNamesAndValues() {
        MultiMeasure multi = MultiMeasure.of(MeasureAttribute.of("t", new DoubleValue(1)),
                MeasureAttribute.of("on", BooleanValue.TRUE), MeasureAttribute.of("at", new TimestampValue(1)));
        assertThat(multi.sizeInBytes()).isEqualTo(1 + 8 + 2 + 1 + 2 + 8);
        assertThat(multi.type()).isEqualTo(MeasureValueType.MULTI);
    }

    @Test
    void attributeNamesFollowTheColumnRules() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureAttribute.of("measure_value::double", new DoubleValue(1)))
                .withMessageStartingWith("Measure name 'measure_value::double' is reserved");
        assertThat(MeasureAttribute.of("a".repeat(256), new DoubleValue(1)).name()).hasSize(256);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> MeasureAttribute.of("a".repeat(257), new DoubleValue(1)))
                .withMessageEndingWith("Member must have length less than or equal to 256");
    }

    private static List<MeasureAttribute> attributes(int count) {
        List<MeasureAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attributes.add(MeasureAttribute.of("a" + i, new BigintValue(i)));
        }
        return attributes;
    }
}
