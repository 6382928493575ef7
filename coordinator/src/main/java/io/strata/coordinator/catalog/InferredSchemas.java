package io.strata.coordinator.catalog;

import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.TableSchema;
import io.strata.internal.v1.ColumnOrigin;
import io.strata.internal.v1.ColumnType;
import io.strata.internal.v1.InferredColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's inferred {@link TableSchema} as the catalog stores it ({@code TableEntry.inferred_columns}):
 * <ul>
 *   <li>a dimension: origin DIMENSION, type VARCHAR;</li>
 *   <li>a measure name: origin MEASURE_VALUE, named by the measure name, with the type it was first
 *       written with, or COLUMN_TYPE_UNSPECIFIED for a MULTI measure name (no column type says MULTI);</li>
 *   <li>a multi-measure attribute: origin MULTI_MEASURE_ATTRIBUTE with its type.</li>
 * </ul>
 * Measure names are kept (not only {@code measure_value::<type>} columns) because the per-name type
 * is what rejects a record that changes a measure's type.
 */
public final class InferredSchemas {
    private InferredSchemas() {}

    public static TableSchema fromColumns(List<InferredColumn> columns) {
        Set<String> dimensions = new HashSet<>();
        Map<String, MeasureValueType> measures = new HashMap<>();
        Map<String, MeasureValueType> attributes = new HashMap<>();
        for (InferredColumn column : columns) {
            switch (column.getOrigin()) {
                case COLUMN_ORIGIN_DIMENSION -> dimensions.add(column.getName());
                case COLUMN_ORIGIN_MEASURE_VALUE -> measures.put(column.getName(), measureType(column.getType()));
                case COLUMN_ORIGIN_MULTI_MEASURE_ATTRIBUTE -> attributes.put(column.getName(), measureType(column.getType()));
                default -> { } // written by a newer version: not ours to interpret
            }
        }
        return TableSchema.of(dimensions, measures, attributes);
    }

    public static List<InferredColumn> toColumns(TableSchema schema) {
        List<InferredColumn> columns = new ArrayList<>();
        schema.dimensions().forEach(name -> columns.add(column(name, ColumnOrigin.COLUMN_ORIGIN_DIMENSION,
                ColumnType.COLUMN_TYPE_VARCHAR)));
        schema.measures().forEach((name, type) -> columns.add(column(name, ColumnOrigin.COLUMN_ORIGIN_MEASURE_VALUE,
                columnType(type))));
        schema.multiMeasureAttributes().forEach((name, type) -> columns.add(column(name,
                ColumnOrigin.COLUMN_ORIGIN_MULTI_MEASURE_ATTRIBUTE, columnType(type))));
        return columns;
    }

    private static InferredColumn column(String name, ColumnOrigin origin, ColumnType type) {
        return InferredColumn.newBuilder().setName(name).setOrigin(origin).setType(type).build();
    }

    private static ColumnType columnType(MeasureValueType type) {
        return switch (type) {
            case DOUBLE -> ColumnType.COLUMN_TYPE_DOUBLE;
            case BIGINT -> ColumnType.COLUMN_TYPE_BIGINT;
            case VARCHAR -> ColumnType.COLUMN_TYPE_VARCHAR;
            case BOOLEAN -> ColumnType.COLUMN_TYPE_BOOLEAN;
            case TIMESTAMP -> ColumnType.COLUMN_TYPE_TIMESTAMP;
            case MULTI -> ColumnType.COLUMN_TYPE_UNSPECIFIED;
        };
    }

    private static MeasureValueType measureType(ColumnType type) {
        return switch (type) {
            case COLUMN_TYPE_DOUBLE -> MeasureValueType.DOUBLE;
            case COLUMN_TYPE_BIGINT -> MeasureValueType.BIGINT;
            case COLUMN_TYPE_VARCHAR -> MeasureValueType.VARCHAR;
            case COLUMN_TYPE_BOOLEAN -> MeasureValueType.BOOLEAN;
            case COLUMN_TYPE_TIMESTAMP -> MeasureValueType.TIMESTAMP;
            default -> MeasureValueType.MULTI;
        };
    }
}
