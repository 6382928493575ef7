package io.strata.http.timestream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ProtocolMessageEnum;
import io.strata.core.model.ConstraintViolation;
import io.strata.core.model.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The members of one JSON object of a Timestream request, read by their PascalCase names and
 * located by Coral's member path ({@code records.2.member.dimensions.1.member.name}).
 *
 * <p>What is judged here is only what the protobuf message can no longer show: a member of the
 * wrong JSON type, and an enum string outside Timestream's set (a proto enum cannot carry the
 * text the client sent). Each such problem is added to the shared {@link ConstraintViolations}
 * and the member reads as absent, so one request reports all of them at once. Lengths, ranges and
 * required members are the engine's validation, the same for gRPC and HTTP. A JSON {@code null}
 * is an absent member, and members this class is not asked for (newer SDK members) are ignored.
 *
 * <p>Not thread-safe: one instance tree per request.
 */
final class RequestMembers {
    /** Values echoed into messages are the client's text; keep them readable. */
    private static final int MAXIMUM_ECHO_LENGTH = 100;

    private final ObjectNode node;
    private final String path;
    private final ConstraintViolations violations;

    private RequestMembers(ObjectNode node, String path, ConstraintViolations violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    /** The request body itself: its members' paths are their camelCase names. */
    static RequestMembers of(ObjectNode body, ConstraintViolations violations) {
        return new RequestMembers(body, "", violations);
    }

    Optional<String> string(String member) {
        return value(member, JsonNode::isTextual, "Member must be a string").map(JsonNode::textValue);
    }

    Optional<Long> longValue(String member) {
        return value(member, json -> json.isIntegralNumber() && json.canConvertToLong(), "Member must be an integer")
                .map(JsonNode::longValue);
    }

    Optional<Integer> intValue(String member) {
        return value(member, json -> json.isIntegralNumber() && json.canConvertToInt(), "Member must be an integer")
                .map(JsonNode::intValue);
    }

    Optional<Boolean> booleanValue(String member) {
        return value(member, JsonNode::isBoolean, "Member must be a boolean").map(JsonNode::booleanValue);
    }

    /** A nested structure, or empty when absent or not a JSON object. */
    Optional<RequestMembers> structure(String member) {
        return value(member, JsonNode::isObject, "Member must be a structure")
                .map(object -> new RequestMembers((ObjectNode) object, pathOf(member), violations));
    }

    /** An enum member: Timestream's string for one value of {@code values}. */
    <E extends Enum<E> & ProtocolMessageEnum> Optional<E> enumValue(String member, TimestreamEnum<E> values) {
        Optional<String> text = string(member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> value = values.parse(text.get());
        if (value.isEmpty()) {
            violations.add(ConstraintViolation.enumValue(abbreviate(text.get()), pathOf(member), values.names()));
        }
        return value;
    }

    /** A list of structures; empty when absent. Elements that are not objects are violations. */
    List<RequestMembers> structures(String member) {
        return list(member, (element, elementPath) -> element.isObject()
                ? Optional.of(new RequestMembers((ObjectNode) element, elementPath, violations))
                : invalid(element, elementPath, "Member must be a structure"));
    }

    /** A list of strings; empty when absent. Elements that are not strings are violations. */
    List<String> strings(String member) {
        return list(member, (element, elementPath) -> element.isTextual()
                ? Optional.of(element.textValue())
                : invalid(element, elementPath, "Member must be a string"));
    }

    private <T> List<T> list(String member, ElementReader<T> reader) {
        Optional<JsonNode> array = value(member, JsonNode::isArray, "Member must be a list");
        if (array.isEmpty()) {
            return List.of();
        }
        String listPath = pathOf(member);
        List<T> elements = new ArrayList<>(array.get().size());
        for (int i = 0; i < array.get().size(); i++) {
            // Coral numbers list elements from 1.
            reader.read(array.get().get(i), listPath + "." + (i + 1) + ".member").ifPresent(elements::add);
        }
        return elements;
    }

    private Optional<JsonNode> value(String member, Predicate<JsonNode> hasType, String constraint) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!hasType.test(value)) {
            return invalid(value, pathOf(member), constraint);
        }
        return Optional.of(value);
    }

    private <T> Optional<T> invalid(JsonNode value, String memberPath, String constraint) {
        violations.add(ConstraintViolation.rule(abbreviate(value.toString()), memberPath, constraint));
        return Optional.empty();
    }

    private String pathOf(String member) {
        String camelCase = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return path.isEmpty() ? camelCase : path + "." + camelCase;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAXIMUM_ECHO_LENGTH ? text : text.substring(0, MAXIMUM_ECHO_LENGTH) + "...";
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        Optional<T> read(JsonNode element, String elementPath);
    }
}
