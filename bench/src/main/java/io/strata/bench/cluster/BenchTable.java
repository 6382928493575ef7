package io.strata.bench.cluster;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row, as BENCHMARKS.md shows results. */
final class BenchTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    BenchTable(String... header) {
        this.header = List.of(header);
    }

    void add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
    }

    int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        text.append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }
}
