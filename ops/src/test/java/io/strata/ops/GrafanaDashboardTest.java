package io.strata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard queries only metrics the node publishes (as docs/operations.md lists them), correctly. */
class GrafanaDashboardTest {
    private static final Pattern STRATA_METRIC = Pattern.compile("\\bstrata_[a-z_]+");

    @Test
    void everyPanelQueriesDocumentedStrataMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Repository.read("ops/grafana/strata-dashboard.json"));
        Set<String> documented = documentedMetrics();
        List<String> expressions = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(target -> expressions.add(target.get("expr").asText()));
        }
        Set<String> queried = new HashSet<>();
        for (String expression : expressions) {
            Matcher metric = STRATA_METRIC.matcher(expression);
            while (metric.find()) {
                queried.add(metric.group());
            }
            if (expression.contains("histogram_quantile")) {
                assertThat(expression).contains("_bucket").contains("by (le");
            }
        }
        assertThat(queried).allSatisfy(metric -> assertThat(documented).contains(familyOf(metric)));
        assertThat(queried).contains("strata_records_ingested_total", "strata_records_rejected_total",
                "strata_ingest_latency_seconds_bucket", "strata_raft_leader", "strata_raft_log_size_bytes",
                "strata_memory_store_size_bytes", "strata_magnetic_store_size_bytes", "strata_query_latency_seconds_bucket");
    }

    /** The metric names in the catalogue table of docs/operations.md. */
    static Set<String> documentedMetrics() {
        Set<String> names = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(strata_[a-z_]+)`").matcher(Repository.read("docs/operations.md"));
        while (row.find()) {
            names.add(row.group(1));
        }
        assertThat(names).as("metric catalogue in docs/operations.md").isNotEmpty();
        return names;
    }

    private static String familyOf(String sample) {
        return sample.replaceAll("_(bucket|sum|count)$", "");
    }
}
