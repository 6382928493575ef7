package io.strata.core.model;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a time series inside a table: its dimensions, sorted by name, and its measure
 * name. Same series and same time means same record.
 *
 * <p>Not a record: series keys are map keys on every write and scan, so the hash is computed once
 * and equality checks it first. Immutable and thread-safe.
 */
public final class SeriesKey implements Comparable<SeriesKey> {
    /** Timestream's limit of dimensions per record (and per table). */
    public static final int MAXIMUM_DIMENSIONS = 128;

    private final List<Dimension> dimensions;
    private final MeasureName measureName;
    private final int hash;

    /**
     * @param dimensions in any order; names must be unique
     * @throws ValidationException if two dimensions share a name or there are more than 128
     */
    public SeriesKey(List<Dimension> dimensions, MeasureName measureName) {
        Objects.requireNonNull(dimensions, "dimensions");
        this.measureName = Objects.requireNonNull(measureName, "measureName");
        if (dimensions.size() > MAXIMUM_DIMENSIONS) {
            throw new ValidationException("A record can have at most " + MAXIMUM_DIMENSIONS + " dimensions; it has "
                    + dimensions.size() + ".");
        }
        List<Dimension> sorted = new ArrayList<>(dimensions);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new ValidationException("Dimension name '" + sorted.get(i).name()
                        + "' appears more than once; a record must contain dimensions with unique names.");
            }
        }
        this.dimensions = List.copyOf(sorted);
        this.hash = 31 * this.dimensions.hashCode() + measureName.hashCode();
    }

    public static SeriesKey of(MeasureName measureName, Dimension... dimensions) {
        return new SeriesKey(List.of(dimensions), measureName);
    }

    /** The dimensions sorted by name (UTF-8 byte order). */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    public MeasureName measureName() {
        return measureName;
    }

    /** The value of the dimension called {@code name}, or null if the series has none. */
    public String dimensionValue(String name) {
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            if (dimension.name().equals(name)) {
                return dimension.value();
            }
        }
        return null;
    }

    /** Bytes the identity adds to a record's size: every dimension plus the measure name. */
    public int sizeInBytes() {
        int size = measureName.sizeInBytes();
        for (int i = 0; i < dimensions.size(); i++) {
            size += dimensions.get(i).sizeInBytes();
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof SeriesKey that
                && hash == that.hash
                && measureName.equals(that.measureName)
                && dimensions.equals(that.dimensions);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders by measure name, then dimensions pairwise (name, then value), then count. */
    @Override
    public int compareTo(SeriesKey other) {
        int order = measureName.compareTo(other.measureName);
        if (order != 0) {
            return order;
        }
        int common = Math.min(dimensions.size(), other.dimensions.size());
        for (int i = 0; i < common; i++) {
            Dimension left = dimensions.get(i);
            Dimension right = other.dimensions.get(i);
            order = Utf8.compare(left.name(), right.name());
            if (order == 0) {
                order = Utf8.compare(left.value(), right.value());
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(dimensions.size(), other.dimensions.size());
    }

    @Override
    public String toString() {
        return "SeriesKey[dimensions=" + dimensions + ", measureName=" + measureName + "]";
    }
}
