package io.strata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example production configuration: one node per host, one zone per host, one external ensemble. */
class ProductionConfigTest {
    @Test
    void threeHostsInThreeZonesShareOneEnsemble() throws IOException {
        Set<String> zones = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        Set<String> ensembles = new HashSet<>();
        for (String zone : new String[] {"a", "b", "c"}) {
            Properties node = environmentFile("ops/config/strata-" + zone + ".env");
            zones.add(node.getProperty("STRATA_ZONE"));
            hosts.add(node.getProperty("STRATA_HOST"));
            ensembles.add(node.getProperty("STRATA_ZOOKEEPER"));
            assertThat(node.getProperty("STRATA_NODE_ID")).isEqualTo("node-" + zone);
            assertThat(node.getProperty("STRATA_METRICS_PORT")).isEqualTo("7490");
        }
        assertThat(zones).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(hosts).hasSize(3);
        assertThat(ensembles).singleElement().satisfies(ensemble -> assertThat(ensemble.split(",")).hasSize(3));

        Properties zooKeeper = environmentFile("ops/config/zoo.cfg");
        assertThat(zooKeeper.stringPropertyNames()).contains("server.1", "server.2", "server.3");
    }

    @Test
    void theServiceUnitPassesEveryNodeSetting() throws IOException {
        String unit = Repository.read("ops/config/strata.service");
        Set<String> used = new HashSet<>();
        Matcher variable = Pattern.compile("\\$\\{(STRATA_[A-Z_]+)}").matcher(unit);
        while (variable.find()) {
            used.add(variable.group(1));
        }
        Set<String> defined = new HashSet<>(environmentFile("ops/config/strata-a.env").stringPropertyNames());
        defined.remove("STRATA_JAVA_OPTS"); // read by bin/strata from the environment
        assertThat(used).containsExactlyInAnyOrderElementsOf(defined);
    }

    private static Properties environmentFile(String path) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Repository.read(path)));
        return properties;
    }
}
