package io.strata.cli.sql;

/**
 * Where the shell's statements come from: a terminal (line editing, history, continuation prompts)
 * or piped text (a script). Used by the shell's one thread; statements come in the order typed.
 */
public interface ShellInput extends AutoCloseable {
    /**
     * The next statement (without its ending {@code ;}) or shell command, or {@code null} at the end
     * of the input. Blocks until one is complete.
     */
    String next();

    /** Releases the input (saves the history of a terminal). */
    @Override
    void close();
}
