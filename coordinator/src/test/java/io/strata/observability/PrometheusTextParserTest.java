package io.strata.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-side parser accepts the format and refuses what Prometheus or a sane exporter would not produce. */
class PrometheusTextParserTest {
    private static final String HISTOGRAM = """
            # HELP latency_seconds A histogram.
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 2
            latency_seconds_bucket{le="1.0"} 5
            latency_seconds_bucket{le="+Inf"} 6
            latency_seconds_sum 7.5
            latency_seconds_count 6
            """;

    @Test
    void readsLabelsEscapesHelpAndSpecialValues() {
        Exposition exposition = Exposition.parse("""
                # A plain comment
                # HELP requests_total Requests, with a back\\\\slash\\nand a new line.
                # TYPE requests_total counter
                requests_total{method="post",path="C:\\\\dir \\"quoted\\"\\nnext"} 1027 1395066363000
                requests_total{method="get",} 3
                # TYPE temperature gauge
                temperature -Inf
                untyped_thing NaN
                """ + HISTOGRAM);

        assertThat(exposition.family("requests_total").help()).isEqualTo("Requests, with a back\\slash\nand a new line.");
        assertThat(exposition.value("requests_total", "method", "post")).isEqualTo(1027);
        assertThat(exposition.samples("requests_total", "method", "post").getFirst().labels())
                .isEqualTo(Map.of("method", "post", "path", "C:\\dir \"quoted\"\nnext"));
        assertThat(exposition.value("temperature")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(exposition.family("untyped_thing").type()).isEqualTo("untyped");
        assertThat(exposition.family("latency_seconds").samples()).hasSize(5);
    }

    @Test
    void refusesHistogramsThatAreNotConsistent() {
        assertRefused(HISTOGRAM.replace("le=\"1.0\"} 5", "le=\"1.0\"} 1"), "not cumulative");
        assertRefused(HISTOGRAM.replace("latency_seconds_count 6", "latency_seconds_count 5"), "differs from the +Inf");
        assertRefused(HISTOGRAM.replace("latency_seconds_bucket{le=\"+Inf\"} 6\n", ""), "+Inf");
        assertRefused(HISTOGRAM.replace("latency_seconds_sum 7.5\n", ""), "no _sum");
        assertRefused(HISTOGRAM.replace("le=\"1.0\"", "le=\"0.05\""), "not increasing");
    }

    @Test
    void refusesMalformedLinesAndBadlyOrderedFamilies() {
        assertRefused("a 1\nb 2\na{x=\"1\"} 3\n", "not contiguous");
        assertRefused("a 1\n# TYPE a gauge\n", "TYPE after samples");
        assertRefused("a{x=\"1\"} 1\na{x=\"1\"} 2\n", "duplicate series");
        assertRefused("a{x=\"\\t\"} 1\n", "invalid escape");
        assertRefused("a{x=\"1\",x=\"2\"} 1\n", "repeated");
        assertRefused("a{x=1} 1\n", "quoted");
        assertRefused("# TYPE c counter\nc -1\n", "counter must be >= 0");
        assertRefused("1a 1\n", "invalid metric name");
        assertRefused("a one\n", "invalid value");
        assertRefused("a 1", "line feed");
        assertRefused("# TYPE a gauges\n", "unknown type");
    }

    private static void assertRefused(String text, String fault) {
        assertThatThrownBy(() -> PrometheusTextParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fault);
    }
}
