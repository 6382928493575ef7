package io.strata.coordinator.catalog;

import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a name-ordered listing (ListDatabases, ListTables): MaxResults 1..20 (absent: 20) and
 * an opaque NextToken that holds the last key returned, so a page stays correct when entries are
 * created or deleted between calls (no offsets).
 */
public final class Pagination {
    public static final int MAXIMUM_RESULTS = 20;

    private Pagination() {}

    /** The page size of a request. */
    public static int pageSize(Optional<Integer> maxResults) {
        if (maxResults.isEmpty()) {
            return MAXIMUM_RESULTS;
        }
        ConstraintViolations violations = new ConstraintViolations();
        violations.range(maxResults.get(), "maxResults", 1, MAXIMUM_RESULTS);
        violations.throwIfAny();
        return maxResults.get();
    }

    /** The key after which the page starts, or empty for the first page. */
    public static Optional<String> startAfter(Optional<String> nextToken) {
        if (nextToken.isEmpty() || nextToken.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(nextToken.get()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The NextToken is invalid: pass back a NextToken from a previous response.");
        }
    }

    public static String tokenFor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page of {@code sortedKeys} after {@code startAfter}, and the token of the next page if more
     * keys follow.
     */
    public static <T> Page<T> page(List<String> sortedKeys, Optional<String> startAfter, int pageSize,
                                   Function<String, Optional<T>> load) {
        List<String> remaining = startAfter
                .map(after -> sortedKeys.stream().filter(key -> key.compareTo(after) > 0).toList())
                .orElse(sortedKeys);
        List<T> items = new java.util.ArrayList<>(pageSize);
        String lastKey = null;
        int consumed = 0;
        for (String key : remaining) {
            if (items.size() == pageSize) {
                break;
            }
            consumed++;
            Optional<T> item = load.apply(key);
            if (item.isPresent()) {
                items.add(item.get());
                lastKey = key;
            }
        }
        boolean more = consumed < remaining.size() && lastKey != null;
        return new Page<>(List.copyOf(items), more ? Optional.of(tokenFor(lastKey)) : Optional.empty());
    }

    /** One page of results and the token of the next one. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {}
}
