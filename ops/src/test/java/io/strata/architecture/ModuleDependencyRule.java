package io.strata.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build's architecture rules. Each violation is one line a developer can act on.
 *
 * <ul>
 *   <li>every module of the table has a pom, and the reactor lists modules in table order;</li>
 *   <li>a module declares only {@code io.strata} modules the table lets it use (directly or
 *       through a module it may use): never one further "up";</li>
 *   <li>{@code client-java} and {@code proto} stay light: outside test scope they declare only
 *       proto, gRPC and protobuf, so an application that uses the client pulls in nothing of the
 *       server.</li>
 * </ul>
 */
final class ModuleDependencyRule {
    private static final Set<String> LIGHT_MODULES = Set.of("client-java", "proto");
    private static final Set<String> LIGHT_GROUPS = Set.of("io.grpc", "com.google.protobuf", "javax.annotation");

    private ModuleDependencyRule() {
    }

    static List<String> violations(ArchitectureTable table, ReactorModules reactor) {
        List<String> violations = new ArrayList<>();
        List<String> tableOrder = List.copyOf(table.allowed().keySet());
        if (!tableOrder.equals(reactor.moduleOrder())) {
            violations.add("root pom.xml lists modules " + reactor.moduleOrder()
                    + " but ARCHITECTURE.md's table orders them " + tableOrder);
        }
        for (Map.Entry<String, List<ModuleDependency>> module : reactor.dependencies().entrySet()) {
            String name = module.getKey();
            if (!table.allowed().containsKey(name)) {
                violations.add(name + " is a reactor module but has no row in ARCHITECTURE.md");
                continue;
            }
            Set<String> reachable = table.reachableFrom(name);
            for (ModuleDependency dependency : module.getValue()) {
                if (dependency.isStrataModule() && !reachable.contains(dependency.artifactId())) {
                    violations.add(name + " depends on " + dependency.artifactId()
                            + ", which ARCHITECTURE.md does not allow (" + name + " may use " + reachable + ")");
                }
                if (LIGHT_MODULES.contains(name) && !dependency.isTestOnly() && !isLight(dependency)) {
                    violations.add(name + " must stay light (proto + gRPC only) but declares " + dependency);
                }
            }
        }
        return violations;
    }

    private static boolean isLight(ModuleDependency dependency) {
        return LIGHT_GROUPS.contains(dependency.groupId())
                || (dependency.isStrataModule() && dependency.artifactId().equals("proto"));
    }
}
