package io.strata.query.parse;

import io.strata.core.error.ValidationException;
import io.trino.sql.parser.ParsingException;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.QualifiedName;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.ShowColumns;
import io.trino.sql.tree.ShowTables;
import io.trino.sql.tree.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses one statement of Timestream's SQL dialect: pre-lexes it ({@link TimestreamPreLexer}),
 * recognises {@code SHOW DATABASES} and {@code SHOW MEASURES}, and hands the rest to Trino's
 * parser. Every syntax error is a {@link ValidationException} in Trino's style with the user's
 * line and column: {@code line 1:18: mismatched input ','. Expecting: ...}.
 *
 * <p>Thread-safe: one instance serves all queries (Trino's parser shares only its ANTLR caches).
 */
public final class SqlParser {
    private final TimestreamPreLexer preLexer = new TimestreamPreLexer();
    private final io.trino.sql.parser.SqlParser trinoParser = new io.trino.sql.parser.SqlParser();

    public ParsedStatement parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        PreLexedSql preLexed = preLexer.rewrite(sql);
        Optional<ParsedStatement> metadata = MetadataStatementParser.parse(preLexed);
        if (metadata.isPresent()) {
            return metadata.get();
        }
        Statement statement;
        try {
            statement = trinoParser.createStatement(preLexed.text());
        } catch (ParsingException e) {
            throw preLexed.errorAt(e.getLineNumber(), e.getColumnNumber(), e.getErrorMessage());
        } catch (StackOverflowError e) {
            // A pathologically nested expression: a user error, not a crash of the node.
            throw new ValidationException("Statement is too deeply nested to parse");
        }
        return switch (statement) {
            case Query query -> select(preLexed, query);
            case ShowTables showTables -> showTables(preLexed, showTables);
            case ShowColumns showColumns -> describe(preLexed, showColumns);
            default -> throw unsupported(preLexed, statement);
        };
    }

    private static ParsedStatement select(PreLexedSql preLexed, Query query) {
        if (!query.getFunctions().isEmpty() || !query.getSessionProperties().isEmpty()) {
            throw errorAt(preLexed, query, "WITH FUNCTION and WITH SESSION are not supported");
        }
        return new ParsedStatement.Select(preLexed, query);
    }

    private static ParsedStatement showTables(PreLexedSql preLexed, ShowTables showTables) {
        if (showTables.getEscape().isPresent()) {
            throw errorAt(preLexed, showTables, "ESCAPE is not supported in SHOW TABLES");
        }
        Optional<SqlIdentifier> database = Optional.empty();
        if (showTables.getSchema().isPresent()) {
            List<Identifier> parts = showTables.getSchema().get().getOriginalParts();
            if (parts.size() != 1) {
                throw errorAt(preLexed, parts.getFirst(), "Database name must not be qualified: " + showTables.getSchema().get());
            }
            database = Optional.of(SqlIdentifier.of(parts.getFirst()));
        }
        return new ParsedStatement.ShowTables(preLexed.originalText(), database, showTables.getLikePattern());
    }

    private static ParsedStatement describe(PreLexedSql preLexed, ShowColumns showColumns) {
        if (showColumns.getLikePattern().isPresent()) {
            throw errorAt(preLexed, showColumns, "LIKE is not supported in DESCRIBE");
        }
        QualifiedName name = showColumns.getTable();
        List<Identifier> parts = name.getOriginalParts();
        if (parts.size() != 2) {
            throw errorAt(preLexed, parts.getFirst(), "Table name must be qualified with its database: database.table");
        }
        return new ParsedStatement.DescribeTable(
                preLexed.originalText(), new TableReference(SqlIdentifier.of(parts.get(0)), SqlIdentifier.of(parts.get(1))));
    }

    private static ValidationException unsupported(PreLexedSql preLexed, Statement statement) {
        return errorAt(preLexed, statement,
                "Unsupported statement: only SELECT, SHOW DATABASES, SHOW TABLES, SHOW MEASURES and DESCRIBE are supported");
    }

    private static ValidationException errorAt(PreLexedSql preLexed, io.trino.sql.tree.Node node, String message) {
        return node.getLocation()
                .map(location -> preLexed.errorAt(location.getLineNumber(), location.getColumnNumber(), message))
                .orElseGet(() -> new ValidationException(message));
    }
}
