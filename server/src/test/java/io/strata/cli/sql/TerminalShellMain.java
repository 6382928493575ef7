package io.strata.cli.sql;

import picocli.CommandLine;

/** {@code strata sql} alone, for running the shell in a pseudo-terminal from a test. */
public final class TerminalShellMain {
    private TerminalShellMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new SqlCommand()).execute(args));
    }
}
