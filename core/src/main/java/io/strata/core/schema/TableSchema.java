package io.strata.core.schema;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ConflictException;
import io.strata.core.model.Dimension;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.Utf8;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A table's schema as inferred from the records written to it: the dimension names, each measure
 * name with its type (MULTI for multi-measure records), and each multi-measure attribute with its
 * type.
 *
 * <p>Rules: a measure keeps the type it was first written with (a single measure cannot change
 * type or become MULTI, an attribute cannot change type); a dimension may not share a name with a
 * measure name or a multi-measure attribute; at most 128 dimensions, 8192 measure names and 1024
 * multi-measure attributes per table. A conflicting record is rejected with a reason
 * ({@link #conflictWith}); nothing is coerced.
 *
 * <p>Immutable and deterministic: names are kept in UTF-8 byte order, so two replicas applying the
 * same records in the same order build equal schemas, and {@link #merge} is commutative,
 * associative and idempotent, so the catalog can combine the schemas of a table's shards in any
 * order.
 */
public record TableSchema(
        SortedSet<String> dimensions,
        SortedMap<String, MeasureValueType> measures,
        SortedMap<String, MeasureValueType> multiMeasureAttributes) {
    public static final int MAXIMUM_DIMENSIONS = 128;
    public static final int MAXIMUM_MEASURE_NAMES = 8192;
    public static final int MAXIMUM_MULTI_MEASURE_ATTRIBUTES = 1024;

    public static final TableSchema EMPTY = new TableSchema(new TreeSet<>(), new TreeMap<>(), new TreeMap<>());

    public TableSchema {
        dimensions = Collections.unmodifiableSortedSet(copyOf(dimensions));
        measures = Collections.unmodifiableSortedMap(copyOf(measures));
        multiMeasureAttributes = Collections.unmodifiableSortedMap(copyOf(multiMeasureAttributes));
        for (String dimension : dimensions) {
            if (measures.containsKey(dimension) || multiMeasureAttributes.containsKey(dimension)) {
                throw new IllegalArgumentException("'" + dimension + "' is both a dimension and a measure");
            }
        }
        for (MeasureValueType type : multiMeasureAttributes.values()) {
            if (type == MeasureValueType.MULTI) {
                throw new IllegalArgumentException("a multi-measure attribute cannot be MULTI");
            }
        }
    }

    /** A schema of these names, in any collection; they are copied into UTF-8 byte order. */
    public static TableSchema of(
            Set<String> dimensions, Map<String, MeasureValueType> measures, Map<String, MeasureValueType> attributes) {
        return new TableSchema(copyOf(dimensions), copyOf(measures), copyOf(attributes));
    }

    /**
     * Why {@code record} cannot be written to a table with this schema, or empty if it can. The
     * first problem found is reported.
     */
    public Optional<String> conflictWith(Record record) {
        String measureName = record.measureName().value();
        MeasureValueType type = record.measure().type();
        List<MeasureAttribute> attributes = record.measure() instanceof MultiMeasure multi ? multi.attributes() : List.of();

        int newDimensions = 0;
        for (Dimension dimension : record.dimensions()) {
            String name = dimension.name();
            if (measures.containsKey(name) || name.equals(measureName)) {
                return Optional.of("Dimension name '" + name + "' is already used as a measure name in this table; "
                        + "a dimension and a measure cannot share a name.");
            }
            if (multiMeasureAttributes.containsKey(name) || hasAttribute(attributes, name)) {
                return Optional.of("Dimension name '" + name + "' is already used as a measure name in this table; "
                        + "a dimension and a measure cannot share a name.");
            }
            if (!dimensions.contains(name)) {
                newDimensions++;
            }
        }
        if (dimensions.size() + newDimensions > MAXIMUM_DIMENSIONS) {
            return Optional.of("The record adds " + newDimensions + " new dimension(s) to a table that has "
                    + dimensions.size() + "; a table can have at most " + MAXIMUM_DIMENSIONS + " dimensions.");
        }

        if (dimensions.contains(measureName)) {
            return Optional.of("Measure name '" + measureName + "' is already used as a dimension name in this table; "
                    + "a dimension and a measure cannot share a name.");
        }
        MeasureValueType existing = measures.get(measureName);
        if (existing == null && measures.size() >= MAXIMUM_MEASURE_NAMES) {
            return Optional.of("The table already has " + MAXIMUM_MEASURE_NAMES
                    + " measure names, the maximum; the new measure name '" + measureName + "' cannot be added.");
        }
        if (existing != null && existing != type) {
            return Optional.of(typeConflict(measureName, existing, type));
        }

        int newAttributes = 0;
        for (MeasureAttribute attribute : attributes) {
            String name = attribute.name();
            if (dimensions.contains(name)) {
                return Optional.of("Measure name '" + name + "' is already used as a dimension name in this table; "
                        + "a dimension and a measure cannot share a name.");
            }
            MeasureValueType attributeType = multiMeasureAttributes.get(name);
            if (attributeType == null) {
                newAttributes++;
            } else if (attributeType != attribute.value().type()) {
                return Optional.of(typeConflict(name, attributeType, attribute.value().type()));
            }
        }
        if (multiMeasureAttributes.size() + newAttributes > MAXIMUM_MULTI_MEASURE_ATTRIBUTES) {
            return Optional.of("The record adds " + newAttributes + " new multi-measure attribute(s) to a table that has "
                    + multiMeasureAttributes.size() + "; a table can have at most " + MAXIMUM_MULTI_MEASURE_ATTRIBUTES
                    + " unique measures across its multi-measure records.");
        }
        return Optional.empty();
    }

    /**
     * This schema extended by the names {@code record} introduces; this very instance when it
     * introduces none (the common case, allocation-free).
     *
     * @throws ConflictException if the record conflicts ({@link #conflictWith})
     */
    public TableSchema with(Record record) {
        Optional<String> conflict = conflictWith(record);
        if (conflict.isPresent()) {
            throw new ConflictException(conflict.get());
        }
        if (!introducesNames(record)) {
            return this;
        }
        SortedSet<String> newDimensions = copyOf(dimensions);
        SortedMap<String, MeasureValueType> newMeasures = copyOf(measures);
        SortedMap<String, MeasureValueType> newAttributes = copyOf(multiMeasureAttributes);
        for (Dimension dimension : record.dimensions()) {
            newDimensions.add(dimension.name());
        }
        newMeasures.put(record.measureName().value(), record.measure().type());
        if (record.measure() instanceof MultiMeasure multi) {
            for (MeasureAttribute attribute : multi.attributes()) {
                newAttributes.put(attribute.name(), attribute.value().type());
            }
        }
        return new TableSchema(newDimensions, newMeasures, newAttributes);
    }

    /**
     * The union of two schemas. Limits are not applied: both sides already hold data.
     *
     * @throws ConflictException if the schemas disagree on a type, or one's dimension is the
     *     other's measure
     */
    public TableSchema merge(TableSchema other) {
        SortedSet<String> newDimensions = copyOf(dimensions);
        newDimensions.addAll(other.dimensions);
        SortedMap<String, MeasureValueType> newMeasures = union(measures, other.measures);
        SortedMap<String, MeasureValueType> newAttributes = union(multiMeasureAttributes, other.multiMeasureAttributes);
        for (String dimension : newDimensions) {
            if (newMeasures.containsKey(dimension) || newAttributes.containsKey(dimension)) {
                throw new ConflictException("'" + dimension + "' is a dimension in one schema and a measure in the other.");
            }
        }
        return new TableSchema(newDimensions, newMeasures, newAttributes);
    }

    /**
     * The columns queries see, in a fixed order: dimensions (by name), {@code measure_name},
     * {@code time}, the {@code measure_value::<type>} columns of the single-measure types written
     * (DOUBLE, BIGINT, VARCHAR, BOOLEAN order), then the multi-measure attributes (by name).
     */
    public List<TableColumn> columns() {
        List<TableColumn> columns = new ArrayList<>();
        for (String dimension : dimensions) {
            columns.add(new TableColumn(dimension, ColumnType.VARCHAR, ColumnRole.DIMENSION));
        }
        columns.add(new TableColumn(TableColumn.MEASURE_NAME, ColumnType.VARCHAR, ColumnRole.MEASURE_NAME));
        columns.add(new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME));
        Set<MeasureValueType> singleTypes = EnumSet.noneOf(MeasureValueType.class);
        for (MeasureValueType type : measures.values()) {
            if (type != MeasureValueType.MULTI) {
                singleTypes.add(type);
            }
        }
        for (MeasureValueType type : singleTypes) {
            columns.add(new TableColumn(TableColumn.measureValueColumnName(type), TableColumn.columnType(type),
                    ColumnRole.MEASURE_VALUE));
        }
        for (Map.Entry<String, MeasureValueType> attribute : multiMeasureAttributes.entrySet()) {
            columns.add(new TableColumn(attribute.getKey(), TableColumn.columnType(attribute.getValue()),
                    ColumnRole.MULTI_MEASURE_ATTRIBUTE));
        }
        return List.copyOf(columns);
    }

    private boolean introducesNames(Record record) {
        for (Dimension dimension : record.dimensions()) {
            if (!dimensions.contains(dimension.name())) {
                return true;
            }
        }
        if (!measures.containsKey(record.measureName().value())) {
            return true;
        }
        if (record.measure() instanceof MultiMeasure multi) {
            for (MeasureAttribute attribute : multi.attributes()) {
                if (!multiMeasureAttributes.containsKey(attribute.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasAttribute(List<MeasureAttribute> attributes, String name) {
        for (MeasureAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String typeConflict(String name, MeasureValueType existing, MeasureValueType written) {
        return "Measure '" + name + "' has type " + existing + " in this table; the record writes it as " + written
                + ". A measure keeps the type it was first written with: write this value under another measure name "
                + "or with type " + existing + ".";
    }

    private static SortedMap<String, MeasureValueType> union(
            SortedMap<String, MeasureValueType> left, SortedMap<String, MeasureValueType> right) {
        SortedMap<String, MeasureValueType> union = copyOf(left);
        for (Map.Entry<String, MeasureValueType> entry : right.entrySet()) {
            MeasureValueType previous = union.putIfAbsent(entry.getKey(), entry.getValue());
            if (previous != null && previous != entry.getValue()) {
                // Report in name order of the types so both merge orders fail alike.
                MeasureValueType first = previous.compareTo(entry.getValue()) < 0 ? previous : entry.getValue();
                MeasureValueType second = first == previous ? entry.getValue() : previous;
                throw new ConflictException("Measure '" + entry.getKey() + "' has type " + first
                        + " in one schema and " + second + " in the other.");
            }
        }
        return union;
    }

    private static SortedSet<String> copyOf(Set<String> names) {
        SortedSet<String> copy = new TreeSet<>(Utf8::compare);
        copy.addAll(Objects.requireNonNull(names, "dimensions"));
        return copy;
    }

    private static SortedMap<String, MeasureValueType> copyOf(Map<String, MeasureValueType> types) {
        SortedMap<String, MeasureValueType> copy = new TreeMap<>(Utf8::compare);
        copy.putAll(Objects.requireNonNull(types, "types"));
        return copy;
    }
}
