package io.strata.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.client.query.Column;
import io.strata.client.query.QueryResult;
import io.strata.client.query.Row;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints a query's rows in one {@link OutputFormat}. CSV and JSON stream page by page; the table
 * holds all rows first, because column widths depend on every value. Failures of the query (e.g. a
 * {@code ValidationException}) come out of {@link #print} before anything is printed when they
 * concern the first page. Not thread-safe.
 */
public final class QueryResultPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputFormat format;
    private final PrintWriter out;

    public QueryResultPrinter(OutputFormat format, PrintWriter out) {
        this.format = Objects.requireNonNull(format, "format");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints {@code result}'s columns and rows; returns how many rows there were. */
    public long print(QueryResult result) {
        List<Column> columns = result.columns();
        long rows = switch (format) {
            case TABLE -> printTable(result, columns);
            case CSV -> printCsv(result, columns);
            case JSON -> printJson(result);
        };
        out.flush();
        return rows;
    }

    private long printTable(QueryResult result, List<Column> columns) {
        TextTable table = new TextTable(columns.stream().map(Column::name).toList(),
                columns.stream().map(column -> CellText.isNumeric(column.type())).toList());
        for (Row row : result) {
            table.addRow(cells(row));
        }
        table.print(out);
        return table.rowCount();
    }

    private long printCsv(QueryResult result, List<Column> columns) {
        out.println(CsvLine.of(columns.stream().map(Column::name).toList()));
        long rows = 0;
        for (Row row : result) {
            out.println(CsvLine.of(cells(row)));
            rows++;
        }
        return rows;
    }

    private long printJson(QueryResult result) {
        long rows = 0;
        out.print('[');
        for (Row row : result) {
            out.print(rows == 0 ? "\n" : ",\n");
            try {
                out.print(JSON.writeValueAsString(JsonValues.ofRow(row)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }
        out.println(rows == 0 ? "]" : "\n]");
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.size());
        for (int index = 0; index < row.size(); index++) {
            cells.add(CellText.of(row, index));
        }
        return cells;
    }
}
