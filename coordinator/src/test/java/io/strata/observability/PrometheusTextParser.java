package io.strata.observability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written test-side from the format's
 * specification (prometheus.io "Exposition formats"), because no Java text-format parser is published on
 * Maven Central (the Prometheus Java client 1.x only writes the format). Strict means it refuses what
 * Prometheus's own parser refuses and also what a well-behaved exporter must not do: a TYPE after the
 * family's samples, families split in two, duplicate series, negative counters, histograms whose buckets
 * are not cumulative or whose {@code _count} differs from the {@code +Inf} bucket.
 */
final class PrometheusTextParser {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {}

    /** A metric family: its TYPE, HELP and samples in order. */
    record Family(String name, String type, String help, List<Sample> samples) {}

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> helps = new HashMap<>();
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Set<String> closedFamilies = new HashSet<>();
    private final Set<String> seriesSeen = new HashSet<>();
    private String currentFamily;

    private PrometheusTextParser() {}

    /** Parses a whole exposition; throws {@link IllegalArgumentException} naming the line at the first fault. */
    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        PrometheusTextParser parser = new PrometheusTextParser();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                parser.line(lines[i]);
            } catch (IllegalArgumentException fault) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + fault.getMessage() + ": " + lines[i],
                        fault);
            }
        }
        parser.families.values().forEach(PrometheusTextParser::checkFamily);
        return parser.families;
    }

    private void line(String line) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#")) {
            metadata(line);
            return;
        }
        sample(line);
    }

    private void metadata(String line) {
        String[] parts = line.substring(1).stripLeading().split(" ", 3);
        if (parts.length < 2 || !(parts[0].equals("HELP") || parts[0].equals("TYPE"))) {
            return; // a plain comment
        }
        String name = parts[1];
        requireMetricName(name);
        String rest = parts.length == 3 ? parts[2] : "";
        if (parts[0].equals("TYPE")) {
            if (!TYPES.contains(rest)) {
                throw new IllegalArgumentException("unknown type '" + rest + "'");
            }
            if (types.putIfAbsent(name, rest) != null) {
                throw new IllegalArgumentException("second TYPE for " + name);
            }
            if (families.containsKey(name)) {
                throw new IllegalArgumentException("TYPE after samples of " + name);
            }
        } else {
            if (helps.putIfAbsent(name, unescapeHelp(rest)) != null) {
                throw new IllegalArgumentException("second HELP for " + name);
            }
        }
    }

    private void sample(String line) {
        int position = 0;
        while (position < line.length() && line.charAt(position) != '{' && line.charAt(position) != ' ') {
            position++;
        }
        String name = line.substring(0, position);
        requireMetricName(name);
        Map<String, String> labels = new TreeMap<>();
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels);
        }
        if (position >= line.length() || line.charAt(position) != ' ') {
            throw new IllegalArgumentException("a space must separate the series from its value");
        }
        String[] valueAndTimestamp = line.substring(position + 1).split(" ", -1);
        if (valueAndTimestamp.length > 2) {
            throw new IllegalArgumentException("more than a value and a timestamp");
        }
        double value = parseValue(valueAndTimestamp[0]);
        if (valueAndTimestamp.length == 2) {
            Long.parseLong(valueAndTimestamp[1]);
        }
        String family = familyOf(name);
        if (!family.equals(currentFamily)) {
            if (closedFamilies.contains(family)) {
                throw new IllegalArgumentException("samples of " + family + " are not contiguous");
            }
            if (currentFamily != null) {
                closedFamilies.add(currentFamily);
            }
            currentFamily = family;
        }
        if (!seriesSeen.add(name + labels)) {
            throw new IllegalArgumentException("duplicate series");
        }
        families.computeIfAbsent(family, f -> new Family(f, types.getOrDefault(f, "untyped"), helps.get(f),
                new ArrayList<>())).samples().add(new Sample(name, Map.copyOf(labels), value));
    }

    /** Parses {@code name="value",...}} from {@code start}; returns the position after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int position = start;
        while (true) {
            if (position >= line.length()) {
                throw new IllegalArgumentException("unterminated label set");
            }
            if (line.charAt(position) == '}') {
                return position + 1;
            }
            int equals = line.indexOf('=', position);
            if (equals < 0) {
                throw new IllegalArgumentException("label without '='");
            }
            String labelName = line.substring(position, equals);
            if (!LABEL_NAME.matcher(labelName).matches()) {
                throw new IllegalArgumentException("invalid label name '" + labelName + "'");
            }
            if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("label value must be quoted");
            }
            StringBuilder value = new StringBuilder();
            position = equals + 2;
            while (true) {
                if (position >= line.length()) {
                    throw new IllegalArgumentException("unterminated label value");
                }
                char c = line.charAt(position++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char escaped = position < line.length() ? line.charAt(position++) : 0;
                    switch (escaped) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw new IllegalArgumentException("invalid escape in label value");
                    }
                } else {
                    value.append(c);
                }
            }
            if (labels.put(labelName, value.toString()) != null) {
                throw new IllegalArgumentException("label " + labelName + " repeated");
            }
            if (position < line.length() && line.charAt(position) == ',') {
                position++;
            } else if (position >= line.length() || line.charAt(position) != '}') {
                throw new IllegalArgumentException("expected ',' or '}' after a label");
            }
        }
    }

    private String familyOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void checkFamily(Family family) {
        switch (family.type()) {
            case "counter" -> family.samples().forEach(sample -> {
                if (!(sample.value() >= 0)) {
                    throw new IllegalArgumentException(family.name() + ": a counter must be >= 0: " + sample);
                }
            });
            case "histogram" -> checkHistogram(family);
            default -> { }
        }
    }

    private static void checkHistogram(Family family) {
        Map<Map<String, String>, List<Sample>> bucketsBySeries = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new HashMap<>();
        Set<Map<String, String>> sums = new HashSet<>();
        for (Sample sample : family.samples()) {
            if (sample.name().equals(family.name() + "_bucket")) {
                if (!sample.labels().containsKey("le")) {
                    throw new IllegalArgumentException(family.name() + ": a bucket without 'le'");
                }
                Map<String, String> series = new TreeMap<>(sample.labels());
                series.remove("le");
                bucketsBySeries.computeIfAbsent(series, s -> new ArrayList<>()).add(sample);
            } else if (sample.name().equals(family.name() + "_count")) {
                counts.put(sample.labels(), sample.value());
            } else if (sample.name().equals(family.name() + "_sum")) {
                sums.add(sample.labels());
            } else {
                throw new IllegalArgumentException(family.name() + ": unexpected sample " + sample.name());
            }
        }
        if (bucketsBySeries.isEmpty()) {
            throw new IllegalArgumentException(family.name() + ": a histogram without buckets");
        }
        bucketsBySeries.forEach((series, buckets) -> {
            double previousBound = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            for (Sample bucket : buckets) {
                double bound = parseValue(bucket.labels().get("le"));
                if (!(bound > previousBound)) {
                    throw new IllegalArgumentException(family.name() + ": bucket bounds not increasing at le="
                            + bucket.labels().get("le"));
                }
                if (bucket.value() < previousCount) {
                    throw new IllegalArgumentException(family.name() + ": buckets not cumulative at le="
                            + bucket.labels().get("le"));
                }
                previousBound = bound;
                previousCount = bucket.value();
            }
            if (previousBound != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(family.name() + ": the last bucket must be le=\"+Inf\"");
            }
            Map<String, String> seriesLabels = Map.copyOf(series);
            Double count = counts.get(seriesLabels);
            if (count == null || count != previousCount) {
                throw new IllegalArgumentException(family.name() + ": _count " + count + " differs from the +Inf bucket "
                        + previousCount + " for " + series);
            }
            if (!sums.contains(seriesLabels)) {
                throw new IllegalArgumentException(family.name() + ": no _sum for " + series);
            }
        });
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                if (text.isEmpty() || !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new IllegalArgumentException("invalid value '" + text + "'");
                }
                yield Double.parseDouble(text);
            }
        };
    }

    private static String unescapeHelp(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = ++i < text.length() ? text.charAt(i) : 0;
            switch (escaped) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                default -> throw new IllegalArgumentException("invalid escape in HELP");
            }
        }
        return out.toString();
    }

    private static void requireMetricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name '" + name + "'");
        }
    }
}
