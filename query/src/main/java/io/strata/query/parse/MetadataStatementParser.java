package io.strata.query.parse;

import io.strata.core.error.ValidationException;
import io.strata.query.parse.SqlToken.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Parses the two metadata statements Trino's grammar lacks, {@code SHOW DATABASES [LIKE 'p']} and
 * {@code SHOW MEASURES FROM db.table [LIKE 'p']}, from the pre-lexer's tokens. Errors read like
 * Trino's ({@code mismatched input 'x'. Expecting: ...}) at the user's line:column.
 */
final class MetadataStatementParser {
    private final PreLexedSql sql;
    private final List<SqlToken> tokens;
    private int next;

    private MetadataStatementParser(PreLexedSql sql) {
        this.sql = sql;
        this.tokens = sql.tokens().stream().filter(SqlToken::significant).toList();
    }

    /** The statement if {@code sql} starts with {@code SHOW DATABASES} or {@code SHOW MEASURES}. */
    static Optional<ParsedStatement> parse(PreLexedSql sql) {
        MetadataStatementParser parser = new MetadataStatementParser(sql);
        if (parser.tokens.size() < 2 || !parser.tokens.get(0).isWord("SHOW")) {
            return Optional.empty();
        }
        SqlToken what = parser.tokens.get(1);
        if (what.isWord("DATABASES")) {
            parser.next = 2;
            Optional<String> like = parser.optionalLike();
            parser.expectEnd("'LIKE', <EOF>");
            return Optional.of(new ParsedStatement.ShowDatabases(sql.originalText(), like));
        }
        if (what.isWord("MEASURES")) {
            parser.next = 2;
            parser.expectWord("FROM");
            TableReference table = parser.tableReference();
            Optional<String> like = parser.optionalLike();
            parser.expectEnd("'LIKE', <EOF>");
            return Optional.of(new ParsedStatement.ShowMeasures(sql.originalText(), table, like));
        }
        return Optional.empty();
    }

    private TableReference tableReference() {
        SqlToken first = peek();
        SqlIdentifier database = identifier();
        if (peek() == null || !peek().isSymbol('.')) {
            throw at(first, "Table name must be qualified with its database: database.table");
        }
        next++;
        SqlIdentifier table = identifier();
        if (peek() != null && peek().isSymbol('.')) {
            throw mismatched("'LIKE', <EOF>");
        }
        return new TableReference(database, table);
    }

    private SqlIdentifier identifier() {
        SqlToken token = peek();
        if (token != null && token.kind() == Kind.WORD) {
            next++;
            return new SqlIdentifier(token.text(), false);
        }
        if (token != null && token.kind() == Kind.QUOTED_IDENTIFIER && token.text().startsWith("\"")
                && token.text().length() > 2 && token.text().endsWith("\"")) {
            next++;
            return new SqlIdentifier(unquote(token.text(), '"'), true);
        }
        throw mismatched("<identifier>");
    }

    private Optional<String> optionalLike() {
        SqlToken token = peek();
        if (token == null || !token.isWord("LIKE")) {
            return Optional.empty();
        }
        next++;
        SqlToken pattern = peek();
        if (pattern == null || pattern.kind() != Kind.STRING || pattern.text().length() < 2 || !pattern.text().endsWith("'")) {
            throw mismatched("<string>");
        }
        next++;
        return Optional.of(unquote(pattern.text(), '\''));
    }

    private void expectWord(String word) {
        SqlToken token = peek();
        if (token == null || !token.isWord(word)) {
            throw mismatched("'" + word + "'");
        }
        next++;
    }

    private void expectEnd(String expecting) {
        if (peek() != null) {
            throw mismatched(expecting);
        }
    }

    private SqlToken peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private ValidationException mismatched(String expecting) {
        SqlToken token = peek();
        String input = token == null ? "<EOF>" : sql.originalText().substring(token.sourceStart(), token.sourceEnd());
        return at(token, "mismatched input '" + input + "'. Expecting: " + expecting);
    }

    private ValidationException at(SqlToken token, String message) {
        int offset = token == null ? endOfStatement() : token.sourceStart();
        return SourcePosition.of(sql.originalText(), offset).error(message);
    }

    /** Where Trino reports {@code <EOF>}: the end of the text. */
    private int endOfStatement() {
        return sql.originalText().length();
    }

    private static String unquote(String quoted, char quote) {
        String doubled = String.valueOf(quote) + quote;
        return quoted.substring(1, quoted.length() - 1).replace(doubled, String.valueOf(quote));
    }
}
