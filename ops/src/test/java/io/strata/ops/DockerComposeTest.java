package io.strata.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose accepts ops/docker-compose.yml, and the topology it resolves is the reference one.
 * Needs the docker-compose client (CI installs it; no Docker engine is needed for {@code config}).
 */
class DockerComposeTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final String COMPOSE_FILE = "ops/docker-compose.yml";

    @BeforeEach
    void requireDockerCompose() {
        assumeTrue(Command.onPath("docker-compose"),
                "docker-compose is not installed here (CI installs it: apt-get install --no-install-recommends docker-compose)");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Command.Result result = Command.run(DEADLINE, "docker-compose", "-f", COMPOSE_FILE, "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void dockerComposeRefusesABrokenFile(@TempDir Path directory) throws Exception {
        Path broken = directory.resolve("docker-compose.yml");
        Files.writeString(broken, Repository.read(COMPOSE_FILE).replace("    ports: [\"7401:7400\"", "    portz: [\"7401:7400\""));

        Command.Result result = Command.run(DEADLINE, "docker-compose", "-f", broken.toString(), "config", "-q");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("portz");
    }

    @Test
    void threeZooKeepersAndOneNodePerZoneWithTheirPortsPublished() throws Exception {
        Command.Result result = Command.run(DEADLINE, "docker-compose", "-f", COMPOSE_FILE, "config");
        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(result.output()).get("services");

        List<String> started = new ArrayList<>();
        List<String> monitoring = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            JsonNode profiles = service.getValue().get("profiles");
            if (profiles == null) {
                started.add(service.getKey());
            } else if (profiles.toString().contains("\"monitoring\"")) {
                monitoring.add(service.getKey());
            }
        });
        assertThat(started).containsExactlyInAnyOrder("zk1", "zk2", "zk3", "strata-a", "strata-b", "strata-c");
        assertThat(monitoring).containsExactlyInAnyOrder("prometheus", "grafana");
        for (int id = 1; id <= 3; id++) {
            JsonNode environment = services.get("zk" + id).get("environment");
            assertThat(environment.get("ZOO_MY_ID").asText()).isEqualTo(String.valueOf(id));
            assertThat(environment.get("ZOO_SERVERS").asText())
                    .contains("server.1=zk1:", "server.2=zk2:", "server.3=zk3:");
        }
        String[] zones = {"a", "b", "c"};
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            String zone = zones[ordinal];
            JsonNode node = services.get("strata-" + zone);
            List<String> command = new ArrayList<>();
            node.get("command").forEach(argument -> command.add(argument.asText()));
            assertThat(command.getFirst()).isEqualTo("server");
            assertThat(option(command, "--zone")).isEqualTo(zone);
            assertThat(option(command, "--node-id")).isEqualTo("node-" + zone);
            assertThat(option(command, "--zookeeper")).isEqualTo("zk1:2181,zk2:2181,zk3:2181");
            assertThat(option(command, "--host")).isEqualTo("strata-" + zone);
            assertThat(published(node, 7400)).isEqualTo(7400 + ordinal);
            assertThat(published(node, 7480)).isEqualTo(7480 + ordinal);
            assertThat(published(node, 7490)).isEqualTo(7490 + ordinal);
            assertThat(node.get("volumes").get(0).asText()).startsWith("strata-" + zone + "-data:/var/lib/strata");
            assertThat(node.get("build").get("dockerfile").asText()).isEqualTo("ops/Dockerfile");
        }
    }

    private static String option(List<String> command, String name) {
        int index = command.indexOf(name);
        assertThat(index).as("option " + name + " in " + command).isPositive();
        return command.get(index + 1);
    }

    private static int published(JsonNode service, int target) {
        for (JsonNode port : service.get("ports")) {
            if (port.get("target").asInt() == target) {
                return port.get("published").asInt();
            }
        }
        throw new AssertionError("port " + target + " is not published: " + service.get("ports"));
    }
}
