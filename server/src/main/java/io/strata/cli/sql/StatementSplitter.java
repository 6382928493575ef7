package io.strata.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at the semicolons that end them: not those inside {@code '...'}
 * strings, {@code "..."} identifiers, {@code --} line comments or block comments.
 */
public final class StatementSplitter {
    private StatementSplitter() {}

    /**
     * The text cut at its ending semicolons.
     *
     * @param statements the complete statements, trimmed, without their {@code ;}; blank ones left out
     * @param remainder the text after the last ending semicolon
     * @param pending whether the remainder holds more than blanks and comments, i.e. a statement
     *     still waits for its {@code ;}
     */
    public record Split(List<String> statements, String remainder, boolean pending) {
        public Split {
            statements = List.copyOf(statements);
        }
    }

    private enum State { CODE, STRING, IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT }

    /** Splits {@code text}. */
    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        State state = State.CODE;
        int start = 0;
        boolean significant = false;
        for (int index = 0; index < text.length(); index++) {
            char current = text.charAt(index);
            char following = index + 1 < text.length() ? text.charAt(index + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (current == ';') {
                        String statement = text.substring(start, index).strip();
                        if (significant) {
                            statements.add(statement);
                        }
                        start = index + 1;
                        significant = false;
                    } else if (current == '-' && following == '-') {
                        state = State.LINE_COMMENT;
                        index++;
                    } else if (current == '/' && following == '*') {
                        state = State.BLOCK_COMMENT;
                        index++;
                    } else if (current == '\'') {
                        state = State.STRING;
                        significant = true;
                    } else if (current == '"') {
                        state = State.IDENTIFIER;
                        significant = true;
                    } else if (!Character.isWhitespace(current)) {
                        significant = true;
                    }
                }
                // A doubled quote inside a string or identifier escapes it: leaving and entering again is the same.
                case STRING -> state = current == '\'' ? State.CODE : State.STRING;
                case IDENTIFIER -> state = current == '"' ? State.CODE : State.IDENTIFIER;
                case LINE_COMMENT -> state = current == '\n' ? State.CODE : State.LINE_COMMENT;
                case BLOCK_COMMENT -> {
                    if (current == '*' && following == '/') {
                        state = State.CODE;
                        index++;
                    }
                }
            }
        }
        boolean unclosed = state == State.STRING || state == State.IDENTIFIER;
        return new Split(statements, text.substring(start), significant || unclosed);
    }
}
