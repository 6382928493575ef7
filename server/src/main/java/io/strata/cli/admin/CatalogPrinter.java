package io.strata.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.cli.output.CsvLine;
import io.strata.cli.output.OutputFormat;
import io.strata.cli.output.TextTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints catalog resources ({@link CatalogJson} objects). One resource prints as property/value
 * lines (nested members as {@code RetentionProperties.MemoryStoreRetentionPeriodInHours}); a list
 * prints one line per resource with the given columns. JSON is the resources' Timestream shape,
 * pretty-printed (a list as an array).
 */
final class CatalogPrinter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A column of a list: its header and the member it shows ({@code RetentionProperties.MemoryStore...}). */
    record ListColumn(String header, String path, boolean numeric) {}

    private final OutputFormat format;
    private final PrintWriter out;

    CatalogPrinter(OutputFormat format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    /** Prints one resource. */
    void printOne(ObjectNode resource) {
        switch (format) {
            case JSON -> printJson(resource);
            case TABLE, CSV -> {
                List<Map.Entry<String, String>> properties = new ArrayList<>();
                flatten("", resource, properties);
                if (format == OutputFormat.CSV) {
                    out.println(CsvLine.of(List.of("property", "value")));
                    properties.forEach(property -> out.println(CsvLine.of(List.of(property.getKey(), property.getValue()))));
                } else {
                    TextTable table = new TextTable(List.of("property", "value"), List.of(false, false));
                    properties.forEach(property -> table.addRow(List.of(property.getKey(), property.getValue())));
                    table.print(out);
                }
            }
        }
        out.flush();
    }

    /** Prints a list of resources with {@code columns}. */
    void printList(List<ObjectNode> resources, List<ListColumn> columns) {
        switch (format) {
            case JSON -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                resources.forEach(array::add);
                printJson(array);
            }
            case CSV -> {
                out.println(CsvLine.of(columns.stream().map(ListColumn::header).toList()));
                resources.forEach(resource -> out.println(CsvLine.of(cells(resource, columns))));
            }
            case TABLE -> {
                TextTable table = new TextTable(columns.stream().map(ListColumn::header).toList(),
                        columns.stream().map(ListColumn::numeric).toList());
                resources.forEach(resource -> table.addRow(cells(resource, columns)));
                table.print(out);
                out.println(resources.size() + (resources.size() == 1 ? " row" : " rows"));
            }
        }
        out.flush();
    }

    private static List<String> cells(ObjectNode resource, List<ListColumn> columns) {
        List<String> cells = new ArrayList<>(columns.size());
        for (ListColumn column : columns) {
            JsonNode value = resource.at("/" + column.path().replace('.', '/'));
            cells.add(value.isMissingNode() || value.isNull() ? null : text(value));
        }
        return cells;
    }

    private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                flatten(prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey(), member.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                flatten(prefix + "[" + index + "]", node.get(index), into);
            }
            if (node.isEmpty()) {
                into.add(Map.entry(prefix, "[]"));
            }
        } else {
            into.add(Map.entry(prefix, text(node)));
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private void printJson(JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
