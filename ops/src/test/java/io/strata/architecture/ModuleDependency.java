package io.strata.architecture;

/** One {@code <dependency>} declared in a module's pom.xml. */
record ModuleDependency(String groupId, String artifactId, String scope) {
    boolean isStrataModule() {
        return "io.strata".equals(groupId);
    }

    boolean isTestOnly() {
        return "test".equals(scope);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + (scope.isEmpty() ? "" : " (" + scope + ")");
    }
}
