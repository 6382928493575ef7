package io.strata.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The reactor as the poms declare it: the root pom's module order and each module's declared
 * dependencies (not the resolved tree: what a module declares is what its author chose).
 */
record ReactorModules(List<String> moduleOrder, Map<String, List<ModuleDependency>> dependencies) {
    ReactorModules {
        moduleOrder = List.copyOf(moduleOrder);
        dependencies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    static ReactorModules read(Path root) throws IOException {
        Document rootPom = parse(root.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        NodeList moduleNodes = rootPom.getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            modules.add(moduleNodes.item(i).getTextContent().trim());
        }
        Map<String, List<ModuleDependency>> dependencies = new LinkedHashMap<>();
        for (String module : modules) {
            dependencies.put(module, declaredDependencies(parse(root.resolve(module).resolve("pom.xml"))));
        }
        return new ReactorModules(modules, dependencies);
    }

    private static List<ModuleDependency> declaredDependencies(Document pom) {
        List<ModuleDependency> result = new ArrayList<>();
        Element project = pom.getDocumentElement();
        for (Element dependenciesElement : children(project, "dependencies")) {
            for (Element dependency : children(dependenciesElement, "dependency")) {
                result.add(new ModuleDependency(text(dependency, "groupId"), text(dependency, "artifactId"),
                        text(dependency, "scope")));
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }

    private static Document parse(Path pom) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    static boolean isReactorRoot(Path directory) {
        return Files.isRegularFile(directory.resolve("pom.xml")) && Files.isRegularFile(directory.resolve("ARCHITECTURE.md"));
    }
}
