package io.strata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image runs the server as bin/strata does: same JVM flags, same main class, not as root. */
class DockerfileTest {
    private final String dockerfile = Repository.read("ops/Dockerfile");

    @Test
    void theImageUsesTheJvmFlagsOfBinStrataAndTheRootPom() {
        List<String> binStrata = binStrataFlags();
        List<String> rootPom = rootPomFlags();

        assertThat(binStrata).isNotEmpty().containsExactlyElementsOf(rootPom);
        assertThat(entrypoint()).containsSubsequence(binStrata)
                .endsWith("-cp", "/opt/strata/strata-server.jar:/opt/strata/lib/*", "io.strata.server.StrataCommand");
        assertThat(entrypoint().getFirst()).isEqualTo("java");
    }

    @Test
    void theImageIsAJdk25RuntimeRunAsANonRootUserWithADataVolumeAndAReadinessCheck() {
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jre$");
        assertThat(dockerfile).containsPattern("(?m)^USER strata:strata$");
        assertThat(dockerfile).containsPattern("(?m)^VOLUME \\[\"/var/lib/strata\"\\]$");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*");
        assertThat(dockerfile).contains("/health/ready").contains("${STRATA_METRICS_PORT}");
        assertThat(dockerfile).contains("COPY server/target/lib/ /opt/strata/lib/",
                "COPY server/target/strata-server.jar /opt/strata/strata-server.jar");
    }

    private List<String> entrypoint() {
        Matcher matcher = Pattern.compile("(?s)ENTRYPOINT \\[(.*?)\\]\\n").matcher(dockerfile);
        assertThat(matcher.find()).as("ENTRYPOINT in exec form").isTrue();
        List<String> arguments = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(matcher.group(1));
        while (quoted.find()) {
            arguments.add(quoted.group(1));
        }
        return arguments;
    }

    private static List<String> binStrataFlags() {
        Matcher matcher = Pattern.compile("(?s)jvm_flags=\\((.*?)\\n\\)").matcher(Repository.read("bin/strata"));
        assertThat(matcher.find()).as("jvm_flags=( ... ) in bin/strata").isTrue();
        return Arrays.stream(matcher.group(1).split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }

    private static List<String> rootPomFlags() {
        Matcher matcher = Pattern.compile("<strata\\.jvm\\.flags>(.*?)</strata\\.jvm\\.flags>").matcher(Repository.read("pom.xml"));
        assertThat(matcher.find()).as("strata.jvm.flags in the root pom").isTrue();
        return Arrays.stream(matcher.group(1).trim().split("\\s+")).toList();
    }
}
