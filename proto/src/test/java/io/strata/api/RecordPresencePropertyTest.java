package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.api.v1.TimeUnit;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Presence survives the wire for any combination of given and absent Record members. */
class RecordPresencePropertyTest {

    @Property(tries = 300)
    void givenMembersComeBackGivenAndAbsentOnesAbsent(
            @ForAll Optional<Long> version,
            @ForAll Optional<String> time,
            @ForAll Optional<String> measureValue,
            @ForAll MeasureValueType type,
            @ForAll TimeUnit unit)
            throws InvalidProtocolBufferException {
        if (type == MeasureValueType.UNRECOGNIZED || unit == TimeUnit.UNRECOGNIZED) {
            return; // not a value a sender can set
        }
        Record.Builder builder = Record.newBuilder().setMeasureValueType(type).setTimeUnit(unit);
        version.ifPresent(builder::setVersion);
        time.ifPresent(builder::setTime);
        measureValue.ifPresent(builder::setMeasureValue);

        Record received = Record.parseFrom(builder.build().toByteArray());

        assertThat(received.hasVersion() ? Optional.of(received.getVersion()) : Optional.empty())
                .isEqualTo(version);
        assertThat(received.hasTime() ? Optional.of(received.getTime()) : Optional.empty()).isEqualTo(time);
        assertThat(received.hasMeasureValue() ? Optional.of(received.getMeasureValue()) : Optional.empty())
                .isEqualTo(measureValue);
        assertThat(received.getMeasureValueType()).isEqualTo(type);
        assertThat(received.getTimeUnit()).isEqualTo(unit);
    }
}
