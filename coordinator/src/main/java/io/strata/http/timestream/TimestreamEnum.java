package io.strata.http.timestream;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Timestream's enum strings for one strata.v1 enum: the proto value name without the enum's
 * prefix ({@code MEASURE_VALUE_TYPE_DOUBLE} is {@code "DOUBLE"}, see proto/README.md). Value 0
 * ({@code *_UNSPECIFIED}) is "not given" and has no string. Immutable and thread-safe.
 *
 * @param <E> the generated proto enum
 */
final class TimestreamEnum<E extends Enum<E> & ProtocolMessageEnum> {
    private static final String UNSPECIFIED = "UNSPECIFIED";

    private final String prefix;
    private final Map<String, E> byName;
    private final List<String> names;

    private TimestreamEnum(EnumDescriptor descriptor, Function<EnumValueDescriptor, E> valueOf) {
        String unspecified = descriptor.findValueByNumber(0).getName();
        if (!unspecified.endsWith("_" + UNSPECIFIED)) {
            throw new IllegalArgumentException(descriptor.getFullName() + " has no *_UNSPECIFIED value 0");
        }
        this.prefix = unspecified.substring(0, unspecified.length() - UNSPECIFIED.length());
        Map<String, E> values = new LinkedHashMap<>();
        // Declaration order is Timestream's order of the enum value set, which messages list.
        for (EnumValueDescriptor value : descriptor.getValues()) {
            if (value.getNumber() != 0) {
                values.put(value.getName().substring(prefix.length()), valueOf.apply(value));
            }
        }
        this.byName = Map.copyOf(values);
        this.names = List.copyOf(values.keySet());
    }

    static <E extends Enum<E> & ProtocolMessageEnum> TimestreamEnum<E> of(
            EnumDescriptor descriptor, Function<EnumValueDescriptor, E> valueOf) {
        return new TimestreamEnum<>(descriptor, valueOf);
    }

    /** The value Timestream calls {@code text}; empty for any other text (case matters, as in Timestream). */
    Optional<E> parse(String text) {
        return Optional.ofNullable(byName.get(text));
    }

    /** Timestream's string for {@code value}; empty for UNSPECIFIED and UNRECOGNIZED, which are never sent. */
    Optional<String> name(E value) {
        if (value.name().equals("UNRECOGNIZED") || value.getNumber() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.name().substring(prefix.length()));
    }

    /** The allowed strings in Timestream's order, as "Member must satisfy enum value set" lists them. */
    List<String> names() {
        return names;
    }
}
