package io.strata.core.table;

import io.strata.core.error.ValidationException;
import io.strata.core.model.ConstraintViolation;
import io.strata.core.model.ConstraintViolations;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The tags of a database or table: at most 200, keys unique. */
public record Tags(List<Tag> tags) {
    public static final int MAXIMUM_TAGS = 200;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        Objects.requireNonNull(tags, "tags");
        if (tags.size() > MAXIMUM_TAGS) {
            throw ConstraintViolations.toException(ConstraintViolation.maxLength(tags, "tags", MAXIMUM_TAGS));
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (!keys.add(tag.key())) {
                throw new ValidationException("Tag key '" + tag.key() + "' appears more than once; tag keys must be unique.");
            }
        }
        tags = List.copyOf(tags);
    }

    public static Tags of(Tag... tags) {
        return new Tags(List.of(tags));
    }
}
