package io.strata.tier.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct VARCHAR values of one series, each stored once and referred to by an int id. Ids
 * are never reused while the series lives, so a snapshot of the dictionary array stays valid for
 * the rows copied with it. Owned by the apply thread.
 */
final class StringDictionary {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] values = new String[4];
    private int size;

    int idOf(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        ids.put(value, size);
        return size++;
    }

    /** The id of {@code value}, or -1 if the series never stored it. */
    int find(String value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    String value(int id) {
        return values[id];
    }

    String[] copy() {
        return Arrays.copyOf(values, size);
    }
}
