package io.strata.coordinator.catalog;

import io.strata.api.v1.Tag;
import io.strata.core.table.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * TagResource, UntagResource and ListTagsForResource on databases and tables, addressed by ARN.
 * Tags are kept sorted by key; at most {@value Tags#MAXIMUM_TAGS} per resource. Thread-safe, blocking;
 * each call is one compare-and-set update of the resource's catalog entry.
 */
public final class ResourceTags {
    private final DatabaseCatalog databases;
    private final TableCatalog tables;
    private final ResourceArns arns;

    public ResourceTags(DatabaseCatalog databases, TableCatalog tables, ResourceArns arns) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.arns = Objects.requireNonNull(arns, "arns");
    }

    public List<Tag> list(String resourceArn) {
        ResourceArns.ResourceArn resource = arns.parse(resourceArn);
        return resource.table().isPresent()
                ? tables.tags(resource.database(), resource.table().get())
                : databases.tags(resource.database());
    }

    /** Adds {@code tags}; a key already present gets the new value. */
    public void tag(String resourceArn, List<Tag> tags) {
        List<Tag> added = CatalogEntries.tags(tags);
        update(resourceArn, current -> added.forEach(tag -> current.put(tag.getKey(), tag)));
    }

    /** Removes the tags with these keys; unknown keys are ignored. */
    public void untag(String resourceArn, Collection<String> keys) {
        update(resourceArn, current -> keys.forEach(current::remove));
    }

    private void update(String resourceArn, Consumer<Map<String, Tag>> change) {
        ResourceArns.ResourceArn resource = arns.parse(resourceArn);
        UnaryOperator<List<Tag>> apply = tags -> {
            Map<String, Tag> current = new TreeMap<>();
            tags.forEach(tag -> current.put(tag.getKey(), tag));
            change.accept(current);
            return CatalogEntries.tags(new ArrayList<>(current.values()));
        };
        if (resource.table().isPresent()) {
            tables.changeTags(resource.database(), resource.table().get(), apply);
        } else {
            databases.changeTags(resource.database(), apply);
        }
    }
}
