package io.strata.tier.segment;

import java.util.Objects;
import java.util.Set;

/**
 * Which value columns a scan decodes ({@code time} and versions always come along). Columns not
 * projected are skipped without decoding. Immutable.
 *
 * @param names the value columns to decode, e.g. {@code measure_value::double} or a MULTI
 *     attribute's name; ignored when {@code all}
 * @param everything whether every column is wanted
 */
public record Projection(Set<String> names, boolean everything) {
    private static final Projection ALL = new Projection(Set.of(), true);

    public Projection {
        names = Set.copyOf(Objects.requireNonNull(names, "names"));
    }

    public static Projection all() {
        return ALL;
    }

    /** Only these value columns; an empty set reads time and versions only. */
    public static Projection of(Set<String> names) {
        return new Projection(names, false);
    }

    public static Projection of(String... names) {
        return new Projection(Set.of(names), false);
    }

    public boolean includes(String name) {
        return everything || names.contains(name);
    }
}
