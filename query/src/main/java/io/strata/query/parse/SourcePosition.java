package io.strata.query.parse;

import io.strata.core.error.ValidationException;

/**
 * A place in a SQL text as users and Trino count it: line from 1, column from 1, both in code
 * points, lines separated by {@code \n} (ANTLR's convention, so Trino's positions convert exactly).
 */
public record SourcePosition(int line, int column) {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
        }
    }

    /** The position of the character at {@code offset} (a char index) in {@code text}. */
    public static SourcePosition of(String text, int offset) {
        int end = Math.min(Math.max(offset, 0), text.length());
        int line = 1;
        int lineStart = 0;
        for (int index = 0; index < end; index++) {
            if (text.charAt(index) == '\n') {
                line++;
                lineStart = index + 1;
            }
        }
        return new SourcePosition(line, text.codePointCount(lineStart, end) + 1);
    }

    /** The char index in {@code text} of this position; past the end of a line or text, the end. */
    public int offsetIn(String text) {
        int index = 0;
        for (int currentLine = 1; currentLine < line; currentLine++) {
            int newline = text.indexOf('\n', index);
            if (newline < 0) {
                return text.length();
            }
            index = newline + 1;
        }
        for (int remaining = column - 1; remaining > 0 && index < text.length(); remaining--) {
            if (text.charAt(index) == '\n') {
                break;
            }
            index += Character.charCount(text.codePointAt(index));
        }
        return index;
    }

    /** A syntax or analysis error at this position, in Trino's and Timestream's message style. */
    public ValidationException error(String message) {
        return new ValidationException("line " + line + ":" + column + ": " + message);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
