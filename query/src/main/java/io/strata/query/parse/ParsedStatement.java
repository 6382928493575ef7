package io.strata.query.parse;

import io.strata.core.error.ValidationException;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.NodeLocation;
import io.trino.sql.tree.Query;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A statement Strata runs, as parsed from the user's text. Timestream is read-only: a query, or one
 * of the metadata statements {@code SHOW DATABASES}, {@code SHOW TABLES}, {@code DESCRIBE} and
 * {@code SHOW MEASURES}. Immutable, but a {@link Select} holds Trino's AST, which only the analyzer
 * should read (its classes are not a stable API).
 */
public sealed interface ParsedStatement {

    /** The statement exactly as the user sent it. */
    String originalText();

    /** A query ({@code SELECT}, {@code WITH}, {@code VALUES}, set operations). */
    record Select(PreLexedSql preLexed, Query query) implements ParsedStatement {
        public Select {
            Objects.requireNonNull(preLexed, "preLexed");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String originalText() {
            return preLexed.originalText();
        }

        /** The Trino SQL that {@link #query()} was parsed from; node locations refer to it. */
        public String rewrittenText() {
            return preLexed.text();
        }

        /** The named parameters ({@code scheduled_runtime} for {@code @scheduled_runtime}). */
        public Set<String> namedParameters() {
            return preLexed.namedParameters();
        }

        /** Where in the user's text a node of {@link #query()} is, if Trino recorded it. */
        public Optional<SourcePosition> userPosition(Node node) {
            return node.getLocation().map(location -> preLexed.userPosition(location.getLineNumber(), location.getColumnNumber()));
        }

        /** A {@link ValidationException} about {@code node}, at the user's line:column when known. */
        public ValidationException errorAt(Node node, String message) {
            Optional<NodeLocation> location = node.getLocation();
            if (location.isEmpty()) {
                return new ValidationException(message);
            }
            return preLexed.errorAt(location.get().getLineNumber(), location.get().getColumnNumber(), message);
        }
    }

    /** {@code SHOW DATABASES [LIKE 'pattern']}. */
    record ShowDatabases(String originalText, Optional<String> likePattern) implements ParsedStatement {
        public ShowDatabases {
            Objects.requireNonNull(originalText, "originalText");
            Objects.requireNonNull(likePattern, "likePattern");
        }
    }

    /** {@code SHOW TABLES [FROM database] [LIKE 'pattern']}. */
    record ShowTables(String originalText, Optional<SqlIdentifier> database, Optional<String> likePattern)
            implements ParsedStatement {
        public ShowTables {
            Objects.requireNonNull(originalText, "originalText");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(likePattern, "likePattern");
        }
    }

    /** {@code DESCRIBE database.table}. */
    record DescribeTable(String originalText, TableReference table) implements ParsedStatement {
        public DescribeTable {
            Objects.requireNonNull(originalText, "originalText");
            Objects.requireNonNull(table, "table");
        }
    }

    /** {@code SHOW MEASURES FROM database.table [LIKE 'pattern']}. */
    record ShowMeasures(String originalText, TableReference table, Optional<String> likePattern)
            implements ParsedStatement {
        public ShowMeasures {
            Objects.requireNonNull(originalText, "originalText");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(likePattern, "likePattern");
        }
    }
}
