package io.strata.core.table;

import io.strata.core.model.ConstraintViolations;
import io.strata.core.model.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/** What a user declares about a database: its name, optional KMS key id (1–2048) and tags. */
public record DatabaseDefinition(DatabaseName name, Optional<String> kmsKeyId, Tags tags) {
    public DatabaseDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        Objects.requireNonNull(tags, "tags");
        ConstraintViolations violations = new ConstraintViolations();
        kmsKeyId.ifPresent(key -> violations.characterLength(key, "kmsKeyId", 1, 2048));
        violations.throwIfAny();
    }

    public static DatabaseDefinition of(DatabaseName name) {
        return new DatabaseDefinition(name, Optional.empty(), Tags.NONE);
    }
}
