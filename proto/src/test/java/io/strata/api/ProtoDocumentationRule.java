package io.strata.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's rule for {@code .proto} files: every message, enum, enum value, field, oneof, service
 * and rpc has a comment on the line directly above it or a trailing {@code //} comment on its own line.
 *
 * <p>A line-based reader, not a full protobuf parser: it understands the one-declaration-per-line
 * layout our files use. A line inside a body that it cannot classify is reported too, so a
 * declaration written in an unexpected layout fails loudly instead of escaping the rule.
 */
final class ProtoDocumentationRule {

    private static final Pattern BLOCK = Pattern.compile("^(message|enum|service|oneof)\\s+(\\w+)\\s*\\{.*");
    private static final Pattern RPC = Pattern.compile("^rpc\\s+(\\w+)\\s*\\(.*");
    private static final Pattern ENUM_VALUE = Pattern.compile("^(\\w+)\\s*=\\s*-?\\d+\\s*(\\[.*])?\\s*;$");
    private static final Pattern FIELD = Pattern.compile(
            "^(?:optional\\s+|repeated\\s+)?(?:map\\s*<[^>]+>|[\\w.]+)\\s+(\\w+)\\s*=\\s*\\d+\\s*(\\[.*])?\\s*;$");
    private static final Pattern IGNORED = Pattern.compile(
            "^(syntax|package|import|option|reserved|extensions)\\b.*|^}\\s*;?$|^$");

    /** One declaration without a comment, or a line the rule cannot read. */
    record Violation(String file, int line, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + " " + problem;
        }
    }

    private ProtoDocumentationRule() {}

    /** The undocumented declarations of one file, in line order. */
    static List<Violation> check(String file, List<String> lines) {
        List<Violation> violations = new ArrayList<>();
        Deque<String> scopes = new ArrayDeque<>();
        boolean inBlockComment = false;
        for (int index = 0; index < lines.size(); index++) {
            String raw = lines.get(index).trim();
            if (inBlockComment) {
                inBlockComment = !raw.contains("*/");
                continue;
            }
            if (raw.startsWith("/*")) {
                inBlockComment = !raw.contains("*/");
                continue;
            }
            if (raw.startsWith("//")) {
                continue;
            }
            int trailing = raw.indexOf("//");
            boolean hasTrailingComment = trailing >= 0;
            String code = hasTrailingComment ? raw.substring(0, trailing).trim() : raw;
            boolean documented = hasTrailingComment || commentAbove(lines, index);
            int lineNumber = index + 1;

            Matcher block = BLOCK.matcher(code);
            Matcher rpc = RPC.matcher(code);
            if (block.matches()) {
                require(documented, violations, file, lineNumber, block.group(1), block.group(2));
                scopes.push(block.group(1));
                if (code.endsWith("}")) {
                    scopes.pop();
                }
            } else if (rpc.matches()) {
                require(documented, violations, file, lineNumber, "rpc", rpc.group(1));
            } else if (code.equals("}")) {
                if (!scopes.isEmpty()) {
                    scopes.pop();
                }
            } else if (IGNORED.matcher(code).matches()) {
                continue;
            } else if ("enum".equals(scopes.peek()) && ENUM_VALUE.matcher(code).matches()) {
                Matcher value = ENUM_VALUE.matcher(code);
                value.matches();
                require(documented, violations, file, lineNumber, "enum value", value.group(1));
            } else if (("message".equals(scopes.peek()) || "oneof".equals(scopes.peek()))
                    && FIELD.matcher(code).matches()) {
                Matcher field = FIELD.matcher(code);
                field.matches();
                require(documented, violations, file, lineNumber, "field", field.group(1));
            } else {
                violations.add(new Violation(
                        file, lineNumber, "cannot read '" + code + "' (write one declaration per line)"));
            }
        }
        return violations;
    }

    private static boolean commentAbove(List<String> lines, int index) {
        if (index == 0) {
            return false;
        }
        String above = lines.get(index - 1).trim();
        return above.startsWith("//") || above.endsWith("*/");
    }

    private static void require(
            boolean documented, List<Violation> violations, String file, int line, String kind, String name) {
        if (!documented) {
            violations.add(new Violation(file, line, kind + " " + name + " has no comment"));
        }
    }
}
