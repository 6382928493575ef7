package io.strata.query.analysis;

import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a plan node's output, by channel, for resolving names. A name matches exactly;
 * an unquoted name that matches nothing exactly matches case-insensitively (Timestream's column
 * names are case-sensitive, but unquoted SQL identifiers are conventionally case-insensitive).
 */
record Scope(List<Field> fields) {
    Scope {
        fields = List.copyOf(fields);
    }

    static Scope empty() {
        return new Scope(List.of());
    }

    List<SqlType> types() {
        return fields.stream().map(Field::type).toList();
    }

    Scope append(List<Field> more) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(more);
        return new Scope(all);
    }

    Scope withRelation(String relation) {
        return new Scope(fields.stream().map(field -> field.withRelation(relation)).toList());
    }

    /** Channels of the fields called {@code name} (qualified by {@code relation} if given). */
    List<Integer> resolve(Optional<String> relation, String name, boolean quoted) {
        List<Integer> exact = matches(relation, name, true);
        if (!exact.isEmpty() || quoted) {
            return exact;
        }
        return matches(relation, name, false);
    }

    private List<Integer> matches(Optional<String> relation, String name, boolean exact) {
        List<Integer> channels = new ArrayList<>();
        for (int channel = 0; channel < fields.size(); channel++) {
            Field field = fields.get(channel);
            if (field.name().isEmpty() || (relation.isEmpty() && !field.visible())) {
                continue;
            }
            if (relation.isPresent() && (field.relation().isEmpty() || !sameName(field.relation().get(), relation.get(), exact))) {
                continue;
            }
            if (sameName(field.name().get(), name, exact)) {
                channels.add(channel);
            }
        }
        return channels;
    }

    boolean hasRelation(String relation) {
        return fields.stream().anyMatch(field -> field.relation().isPresent()
                && field.relation().get().toLowerCase(Locale.ROOT).equals(relation.toLowerCase(Locale.ROOT)));
    }

    private static boolean sameName(String actual, String wanted, boolean exact) {
        return exact ? actual.equals(wanted) : actual.equalsIgnoreCase(wanted);
    }
}
