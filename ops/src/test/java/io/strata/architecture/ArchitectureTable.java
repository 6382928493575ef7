package io.strata.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Modules" table of ARCHITECTURE.md: which module may depend on which. Reading the table
 * from the document (instead of a copy in code) keeps the page and the build in agreement.
 *
 * @param allowed module name → the modules it may depend on, in table order (lowest first)
 */
record ArchitectureTable(Map<String, Set<String>> allowed) {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z-]+)/`\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");
    private static final Pattern MODULE_NAME = Pattern.compile("([a-z][a-z-]*)");

    ArchitectureTable {
        allowed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allowed));
    }

    static ArchitectureTable read(Path architectureMarkdown) throws IOException {
        return parse(Files.readAllLines(architectureMarkdown));
    }

    static ArchitectureTable parse(List<String> lines) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Set<String> dependencies = new LinkedHashSet<>();
            String column = row.group(2).replaceAll("\\(.*?\\)", "");
            if (column.contains("everything above")) {
                dependencies.addAll(allowed.keySet());
                column = column.replace("everything above", "");
            }
            for (String part : column.split(",")) {
                Matcher name = MODULE_NAME.matcher(part.trim());
                if (name.lookingAt()) {
                    dependencies.add(name.group(1));
                }
            }
            allowed.put(row.group(1), dependencies);
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no module table found in ARCHITECTURE.md");
        }
        return new ArchitectureTable(allowed);
    }

    /** Modules the given module may use, directly or through the modules it may use. */
    Set<String> reachableFrom(String module) {
        Set<String> reachable = new LinkedHashSet<>();
        collect(module, reachable);
        return reachable;
    }

    private void collect(String module, Set<String> reachable) {
        for (String dependency : allowed.getOrDefault(module, Set.of())) {
            if (reachable.add(dependency)) {
                collect(dependency, reachable);
            }
        }
    }
}
