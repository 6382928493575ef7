package io.strata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules hold for the reactor as committed, and the rules can fail. */
class ModuleDependencyRuleTest {
    private static ArchitectureTable table;
    private static ReactorModules reactor;

    @BeforeAll
    static void readProject() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !ReactorModules.isReactorRoot(root)) {
            root = root.getParent();
        }
        assertThat(root).as("reactor root with pom.xml and ARCHITECTURE.md").isNotNull();
        table = ArchitectureTable.read(root.resolve("ARCHITECTURE.md"));
        reactor = ReactorModules.read(root);
    }

    @Test
    void theReactorFollowsArchitectureMd() {
        assertThat(ModuleDependencyRule.violations(table, reactor)).isEmpty();
    }

    @Test
    void theTableNamesEveryModuleOfTheMission() {
        assertThat(table.allowed().keySet()).containsExactly("proto", "core", "query", "partitioner",
                "tier-manager", "raft-node", "coordinator", "client-java", "server", "chaos-tests", "bench", "ops");
        assertThat(table.allowed().get("core")).containsExactly("proto");
        assertThat(table.allowed().get("client-java")).containsExactly("proto");
        assertThat(table.reachableFrom("coordinator")).contains("tier-manager", "proto");
    }

    @Test
    void anUpwardDependencyIsAViolation() {
        ReactorModules withUpward = withExtraDependency("core", new ModuleDependency("io.strata", "tier-manager", ""));
        assertThat(ModuleDependencyRule.violations(table, withUpward))
                .singleElement().asString()
                .startsWith("core depends on tier-manager, which ARCHITECTURE.md does not allow");
    }

    @Test
    void anUpwardTestDependencyIsAViolationToo() {
        ReactorModules withUpward = withExtraDependency("query", new ModuleDependency("io.strata", "coordinator", "test"));
        assertThat(ModuleDependencyRule.violations(table, withUpward))
                .singleElement().asString().startsWith("query depends on coordinator");
    }

    @Test
    void theClientMayNotPullInServerSideLibraries() {
        ReactorModules heavyClient = withExtraDependency("client-java", new ModuleDependency("org.slf4j", "slf4j-api", ""));
        assertThat(ModuleDependencyRule.violations(table, heavyClient))
                .singleElement().asString()
                .isEqualTo("client-java must stay light (proto + gRPC only) but declares org.slf4j:slf4j-api");
        ReactorModules clientOnCore = withExtraDependency("client-java", new ModuleDependency("io.strata", "core", ""));
        assertThat(ModuleDependencyRule.violations(table, clientOnCore)).hasSize(2);
    }

    @Test
    void testScopedLibrariesInTheClientAreFine() {
        ReactorModules withTestLibrary = withExtraDependency("client-java", new ModuleDependency("org.awaitility", "awaitility", "test"));
        assertThat(ModuleDependencyRule.violations(table, withTestLibrary)).isEmpty();
    }

    @Test
    void aModuleOutsideTheTableIsAViolation() {
        Map<String, List<ModuleDependency>> dependencies = new LinkedHashMap<>(reactor.dependencies());
        dependencies.put("utils", List.of());
        List<String> order = new ArrayList<>(reactor.moduleOrder());
        order.add("utils");
        assertThat(ModuleDependencyRule.violations(table, new ReactorModules(order, dependencies)))
                .anyMatch(violation -> violation.equals("utils is a reactor module but has no row in ARCHITECTURE.md"));
    }

    private static ReactorModules withExtraDependency(String module, ModuleDependency extra) {
        Map<String, List<ModuleDependency>> dependencies = new LinkedHashMap<>(reactor.dependencies());
        List<ModuleDependency> moduleDependencies = new ArrayList<>(dependencies.get(module));
        moduleDependencies.add(extra);
        dependencies.put(module, moduleDependencies);
        return new ReactorModules(reactor.moduleOrder(), dependencies);
    }
}
