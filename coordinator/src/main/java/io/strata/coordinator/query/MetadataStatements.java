package io.strata.coordinator.query;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ColumnInfoList;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Type;
import io.strata.core.error.ValidationException;
import io.strata.core.schema.TableColumn;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.Catalog;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.parse.TableReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Answers {@code SHOW DATABASES}, {@code SHOW TABLES}, {@code DESCRIBE} and {@code SHOW MEASURES}
 * from the catalog, in Timestream's result shapes:
 * <ul>
 *   <li>SHOW DATABASES: {@code Database}; SHOW TABLES: {@code Table} (names ascending);</li>
 *   <li>DESCRIBE: {@code Column}, {@code Type}, {@code Timestream attribute type} (DIMENSION,
 *       MEASURE_NAME, TIMESTAMP, MEASURE_VALUE or MULTI), in the table's column order;</li>
 *   <li>SHOW MEASURES: {@code measure_name}, {@code data_type} ({@code multi} for multi-measure
 *       names), {@code dimensions} as {@code array(row(dimension_name, data_type))}. The catalog
 *       keeps dimensions per table, not per measure, so every measure lists the table's
 *       dimensions.</li>
 * </ul>
 * Thread-safe; reads the catalog on each call.
 */
final class MetadataStatements {
    private final Catalog catalog;

    MetadataStatements(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    StatementResult answer(ParsedStatement statement) {
        return switch (statement) {
            case ParsedStatement.ShowDatabases show -> names("Database", catalog.databases(), show.likePattern());
            case ParsedStatement.ShowTables show -> {
                String database = show.database().orElseThrow(() -> new ValidationException(
                        "SHOW TABLES needs a database: SHOW TABLES FROM database")).value();
                requireDatabase(database);
                yield names("Table", catalog.tables(database), show.likePattern());
            }
            case ParsedStatement.DescribeTable describe -> describe(schemaOf(describe.table()));
            case ParsedStatement.ShowMeasures show -> measures(schemaOf(show.table()), show.likePattern());
            case ParsedStatement.Select select -> throw new IllegalArgumentException("not a metadata statement");
        };
    }

    /** The result columns of a metadata statement, for PrepareQuery. */
    static List<ColumnInfo> columnsOf(ParsedStatement statement) {
        return switch (statement) {
            case ParsedStatement.ShowDatabases show -> List.of(varchar("Database"));
            case ParsedStatement.ShowTables show -> List.of(varchar("Table"));
            case ParsedStatement.DescribeTable describe ->
                    List.of(varchar("Column"), varchar("Type"), varchar("Timestream attribute type"));
            case ParsedStatement.ShowMeasures show -> measureColumns();
            case ParsedStatement.Select select -> throw new IllegalArgumentException("not a metadata statement");
        };
    }

    private StatementResult names(String column, List<String> names, Optional<String> like) {
        Predicate<String> matches = like.map(LikePattern::compile).map(Pattern::asMatchPredicate).orElse(name -> true);
        List<Row> rows = new ArrayList<>();
        names.stream().sorted().filter(matches).forEach(name -> rows.add(Row.newBuilder()
                .addData(StatementResult.scalar(name)).build()));
        return new StatementResult(List.of(varchar(column)), rows, false);
    }

    private void requireDatabase(String database) {
        if (!catalog.databaseExists(database)) {
            throw new ValidationException("Database '" + database + "' does not exist");
        }
    }

    private TableSchema schemaOf(TableReference table) {
        String database = table.database().value();
        requireDatabase(database);
        return catalog.schema(database, table.table().value()).orElseThrow(() -> new ValidationException(
                "Table '" + database + "." + table.table().value() + "' does not exist"));
    }

    private static StatementResult describe(TableSchema schema) {
        List<Row> rows = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            String attribute = switch (column.role()) {
                case TIME -> "TIMESTAMP";
                case DIMENSION -> "DIMENSION";
                case MEASURE_NAME -> "MEASURE_NAME";
                case MEASURE_VALUE -> "MEASURE_VALUE";
                case MULTI_MEASURE_ATTRIBUTE -> "MULTI";
            };
            rows.add(Row.newBuilder()
                    .addData(StatementResult.scalar(column.name()))
                    .addData(StatementResult.scalar(column.type().name().toLowerCase(Locale.ROOT)))
                    .addData(StatementResult.scalar(attribute))
                    .build());
        }
        return new StatementResult(List.of(varchar("Column"), varchar("Type"), varchar("Timestream attribute type")),
                rows, false);
    }

    private static StatementResult measures(TableSchema schema, Optional<String> like) {
        Predicate<String> matches = like.map(LikePattern::compile).map(Pattern::asMatchPredicate).orElse(name -> true);
        DatumList.Builder dimensions = DatumList.newBuilder();
        for (String dimension : schema.dimensions()) {
            dimensions.addData(Datum.newBuilder().setRowValue(Row.newBuilder()
                    .addData(StatementResult.scalar(dimension))
                    .addData(StatementResult.scalar("varchar"))));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, io.strata.core.model.MeasureValueType> measure : schema.measures().entrySet()) {
            if (!matches.test(measure.getKey())) {
                continue;
            }
            rows.add(Row.newBuilder()
                    .addData(StatementResult.scalar(measure.getKey()))
                    .addData(StatementResult.scalar(measure.getValue().name().toLowerCase(Locale.ROOT)))
                    .addData(Datum.newBuilder().setArrayValue(dimensions))
                    .build());
        }
        return new StatementResult(measureColumns(), rows, false);
    }

    private static List<ColumnInfo> measureColumns() {
        ColumnInfo dimension = ColumnInfo.newBuilder().setType(Type.newBuilder().setRowColumnInfo(ColumnInfoList.newBuilder()
                .addColumnInfo(varchar("dimension_name"))
                .addColumnInfo(varchar("data_type")))).build();
        return List.of(varchar("measure_name"), varchar("data_type"),
                ColumnInfo.newBuilder().setName("dimensions").setType(Type.newBuilder().setArrayColumnInfo(dimension)).build());
    }

    private static ColumnInfo varchar(String name) {
        return StatementResult.column(name, ScalarType.SCALAR_TYPE_VARCHAR);
    }
}
