package io.strata.query.parse;

import io.strata.query.parse.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL text into {@link SqlToken}s: whitespace, comments, string literals, quoted
 * identifiers, words, numbers, named parameters, {@code ::} and single symbols. It never fails:
 * an unterminated string or comment runs to the end of the text and the parser reports it.
 */
final class SqlTokenizer {

    private SqlTokenizer() {}

    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int length = sql.length();
        int index = 0;
        while (index < length) {
            int start = index;
            char c = sql.charAt(index);
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (index < length && Character.isWhitespace(sql.charAt(index))) {
                    index++;
                }
                kind = Kind.WHITESPACE;
            } else if (c == '-' && next(sql, index) == '-') {
                int newline = sql.indexOf('\n', index);
                index = newline < 0 ? length : newline;
                kind = Kind.COMMENT;
            } else if (c == '/' && next(sql, index) == '*') {
                int close = sql.indexOf("*/", index + 2);
                index = close < 0 ? length : close + 2;
                kind = Kind.COMMENT;
            } else if (c == '\'') {
                index = quotedEnd(sql, index, '\'');
                kind = Kind.STRING;
            } else if (c == '"' || c == '`') {
                index = quotedEnd(sql, index, c);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (isIdentifierStart(c)) {
                index = identifierEnd(sql, index + 1);
                kind = Kind.WORD;
            } else if (isDigit(c) || (c == '.' && isDigit(next(sql, index)))) {
                index = numberEnd(sql, index);
                kind = Kind.NUMBER;
            } else if (c == '@' && isIdentifierStart(next(sql, index))) {
                index = identifierEnd(sql, index + 2);
                kind = Kind.PARAMETER;
            } else if (c == ':' && next(sql, index) == ':') {
                index += 2;
                kind = Kind.DOUBLE_COLON;
            } else {
                index += Character.charCount(sql.codePointAt(index));
                kind = Kind.SYMBOL;
            }
            tokens.add(SqlToken.source(kind, sql, start, index));
        }
        return tokens;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char next(String sql, int index) {
        return index + 1 < sql.length() ? sql.charAt(index + 1) : '\0';
    }

    /** The end of a quoted piece starting at {@code start}; a doubled quote is an escaped quote. */
    private static int quotedEnd(String sql, int start, char quote) {
        int index = start + 1;
        while (index < sql.length()) {
            if (sql.charAt(index) == quote) {
                if (index + 1 < sql.length() && sql.charAt(index + 1) == quote) {
                    index += 2;
                    continue;
                }
                return index + 1;
            }
            index++;
        }
        return sql.length();
    }

    private static int identifierEnd(String sql, int index) {
        while (index < sql.length() && isIdentifierPart(sql.charAt(index))) {
            index++;
        }
        return index;
    }

    /**
     * Digits, an optional fraction and exponent, then any identifier characters glued to the
     * number: {@code 5m} and {@code 12month} are one token, so are {@code 5x} (which Trino rejects).
     */
    private static int numberEnd(String sql, int start) {
        int index = digitsEnd(sql, start);
        if (index < sql.length() && sql.charAt(index) == '.') {
            index = digitsEnd(sql, index + 1);
        }
        if (index < sql.length() && (sql.charAt(index) == 'e' || sql.charAt(index) == 'E')) {
            int exponent = index + 1;
            if (exponent < sql.length() && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < sql.length() && isDigit(sql.charAt(exponent))) {
                index = digitsEnd(sql, exponent);
            }
        }
        return identifierEnd(sql, index);
    }

    private static int digitsEnd(String sql, int index) {
        while (index < sql.length() && isDigit(sql.charAt(index))) {
            index++;
        }
        return index;
    }
}
