package io.strata.query.parse;

import java.util.Locale;

/**
 * One lexical piece of a SQL text as the pre-lexer sees it: just enough structure to know what is
 * inside quotes, strings and comments, and where each piece came from in the user's text.
 *
 * <p>A {@code synthetic} token was produced by a rewrite; its source span is the user's text it
 * stands for (empty for pure insertions), so an error reported on it points at that text.
 */
record SqlToken(Kind kind, String text, int sourceStart, int sourceEnd, boolean synthetic) {

    enum Kind {
        WHITESPACE,
        COMMENT,
        /** {@code 'text'} with {@code ''} as the escaped quote. */
        STRING,
        /** {@code "name"} (or a back-quoted name, which Trino rejects with its own message). */
        QUOTED_IDENTIFIER,
        /** An unquoted identifier or keyword. */
        WORD,
        /** A numeric literal, including any letters glued to it ({@code 5m}, {@code 1e3}). */
        NUMBER,
        /** A named parameter such as {@code @scheduled_runtime}. */
        PARAMETER,
        DOUBLE_COLON,
        /** Any other single character: punctuation and operator characters. */
        SYMBOL
    }

    SqlToken {
        if (sourceStart < 0 || sourceEnd < sourceStart) {
            throw new IllegalArgumentException("bad source span " + sourceStart + ".." + sourceEnd);
        }
    }

    static SqlToken source(Kind kind, String sql, int start, int end) {
        return new SqlToken(kind, sql.substring(start, end), start, end, false);
    }

    static SqlToken synthetic(Kind kind, String text, int sourceStart, int sourceEnd) {
        return new SqlToken(kind, text, sourceStart, sourceEnd, true);
    }

    /** Whether the parser sees this token (whitespace and comments it skips). */
    boolean significant() {
        return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    String upperText() {
        return text.toUpperCase(Locale.ROOT);
    }
}
