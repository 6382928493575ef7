package io.strata.cli.output;

import java.util.List;

/**
 * One RFC 4180 line: fields separated by commas; a field holding a comma, a quote or a line break
 * is quoted, its quotes doubled. A {@code null} field (NULL) is empty.
 */
public final class CsvLine {
    private CsvLine() {}

    /** The line of {@code fields}, without a line terminator. */
    public static String of(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int index = 0; index < fields.size(); index++) {
            if (index > 0) {
                line.append(',');
            }
            String field = fields.get(index);
            if (field == null) {
                continue;
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }
}
