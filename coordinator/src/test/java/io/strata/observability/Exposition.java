package io.strata.observability;

import io.strata.observability.PrometheusTextParser.Family;
import io.strata.observability.PrometheusTextParser.Sample;
import java.util.List;
import java.util.Map;

/** A parsed scrape, with look-ups by sample name and labels. */
record Exposition(Map<String, Family> families) {
    static Exposition parse(String text) {
        return new Exposition(PrometheusTextParser.parse(text));
    }

    Family family(String name) {
        Family family = families.get(name);
        if (family == null) {
            throw new AssertionError("no family " + name + " in " + families.keySet());
        }
        return family;
    }

    /** The samples called {@code sampleName} whose labels include {@code labelPairs} (name, value, ...). */
    List<Sample> samples(String sampleName, String... labelPairs) {
        return families.values().stream()
                .flatMap(family -> family.samples().stream())
                .filter(sample -> sample.name().equals(sampleName))
                .filter(sample -> {
                    for (int i = 0; i < labelPairs.length; i += 2) {
                        if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    /** The value of the one sample called {@code sampleName} with those labels. */
    double value(String sampleName, String... labelPairs) {
        List<Sample> matching = samples(sampleName, labelPairs);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples " + sampleName + " " + List.of(labelPairs));
        }
        return matching.getFirst().value();
    }
}
