package io.strata.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An aligned text table: a header line, a rule, then one line per row, columns separated by
 * {@code " | "}. Numeric columns are right-aligned (so digits line up), the others left-aligned;
 * a {@code null} cell shows as {@code NULL}. Trailing blanks are trimmed from every line.
 *
 * <pre>
 *  hostname | usage_user | ok
 * ----------+------------+------
 *  host_0   |       58.0 | true
 *  host_1   |       NULL | NULL
 * </pre>
 */
public final class TextTable {
    /** How a missing value shows. */
    public static final String NULL_TEXT = "NULL";

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers the column names
     * @param rightAligned for each column, whether it is numeric (right-aligned)
     */
    public TextTable(List<String> headers, List<Boolean> rightAligned) {
        this.headers = List.copyOf(headers);
        if (rightAligned.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + rightAligned.size() + " alignments");
        }
        this.rightAligned = new boolean[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            this.rightAligned[column] = rightAligned.get(column);
        }
    }

    /** Adds a row; {@code null} cells print as {@code NULL}. */
    public void addRow(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + headers.size() + " columns");
        }
        String[] row = new String[cells.size()];
        for (int column = 0; column < row.length; column++) {
            row[column] = printable(cells.get(column));
        }
        rows.add(row);
    }

    /** Number of rows added. */
    public int rowCount() {
        return rows.size();
    }

    /** Prints the header, the rule and the rows. */
    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        out.println(line(headers.toArray(String[]::new), widths));
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "+").append("-".repeat(widths[column] + 2));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            line.append(column == 0 ? " " : " | ");
            String cell = cells[column];
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(rightAligned[column] ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    /** Line breaks and tabs would break the alignment: they show escaped. */
    private static String printable(String cell) {
        if (cell == null) {
            return NULL_TEXT;
        }
        Objects.requireNonNull(cell);
        return cell.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
