package io.strata.server.node;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.Datum;
import io.strata.api.v1.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A datum of a QueryService answer in the engine's text form of results ({@code QueryResult.text}),
 * composites included, so that cluster answers compare with local and hand-computed ones.
 */
final class DatumText {
    private DatumText() {}

    /** The text of {@code datum} in a column of type {@code column}; {@code NULL} for a null value. */
    static String of(ColumnInfo column, Datum datum) {
        if (datum.hasNullValue()) {
            return "NULL";
        }
        Type type = column.getType();
        return switch (type.getKindCase()) {
            case ARRAY_COLUMN_INFO -> datum.getArrayValue().getDataList().stream()
                    .map(element -> of(type.getArrayColumnInfo(), element))
                    .collect(Collectors.joining(", ", "[", "]"));
            case TIME_SERIES_MEASURE_VALUE_COLUMN_INFO -> datum.getTimeSeriesValue().getDataPointsList().stream()
                    .map(point -> "{time=" + point.getTime() + ", value="
                            + of(type.getTimeSeriesMeasureValueColumnInfo(), point.getValue()) + "}")
                    .collect(Collectors.joining(", ", "[", "]"));
            case ROW_COLUMN_INFO -> {
                List<ColumnInfo> fields = type.getRowColumnInfo().getColumnInfoList();
                boolean named = fields.stream().allMatch(ColumnInfo::hasName);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    String value = of(fields.get(i), datum.getRowValue().getData(i));
                    parts.add(named ? fields.get(i).getName() + "=" + value : value);
                }
                yield String.join(", ", parts).transform(joined -> named ? "{" + joined + "}" : "(" + joined + ")");
            }
            default -> datum.getScalarValue();
        };
    }
}
