package io.strata.cli.sql;

import java.util.Objects;

/** What one statement typed into the shell asks for. */
public sealed interface ShellAction {
    /** Leave the shell ({@code \q}, {@code quit}, {@code exit}). */
    record Quit() implements ShellAction {}

    /** Show the shell's commands ({@code \?}, {@code help}). */
    record Help() implements ShellAction {}

    /** Run {@code sql} on the cluster. */
    record Query(String sql) implements ShellAction {
        public Query {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** A shell command the shell does not know; {@code message} says what to do instead. */
    record Unknown(String message) implements ShellAction {
        public Unknown {
            Objects.requireNonNull(message, "message");
        }
    }
}
