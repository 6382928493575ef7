package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The values of a multi-measure record: 1–256 attributes with unique names, kept sorted by name so
 * that two records carrying the same values in a different order are equal (an idempotent retry
 * must not look like a conflicting write).
 */
public record MultiMeasure(List<MeasureAttribute> attributes) implements Measure {
    public static final int MAXIMUM_ATTRIBUTES = 256;

    public MultiMeasure {
        Objects.requireNonNull(attributes, "attributes");
        if (attributes.isEmpty()) {
            throw new ValidationException("A MULTI record must have at least one measure value.");
        }
        if (attributes.size() > MAXIMUM_ATTRIBUTES) {
            throw new ValidationException("A MULTI record can have at most " + MAXIMUM_ATTRIBUTES
                    + " measure values; it has " + attributes.size() + ".");
        }
        List<MeasureAttribute> sorted = new ArrayList<>(attributes);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new ValidationException("Measure value name '" + sorted.get(i).name()
                        + "' appears more than once in the MULTI record; names must be unique.");
            }
        }
        attributes = List.copyOf(sorted);
    }

    public static MultiMeasure of(MeasureAttribute... attributes) {
        return new MultiMeasure(List.of(attributes));
    }

    @Override
    public MeasureValueType type() {
        return MeasureValueType.MULTI;
    }

    @Override
    public int sizeInBytes() {
        int size = 0;
        for (int i = 0; i < attributes.size(); i++) {
            size += attributes.get(i).sizeInBytes();
        }
        return size;
    }
}
