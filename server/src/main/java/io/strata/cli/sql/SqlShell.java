package io.strata.cli.sql;

import io.strata.cli.ErrorLine;
import io.strata.cli.output.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * The read-run-print loop of {@code strata sql}: takes statements from a {@link ShellInput}, runs
 * them, prints each result with its row count and time, prints each failure as one line, and goes
 * on until {@code \q} or the end of the input.
 */
final class SqlShell {
    private final ShellInput input;
    private final StatementRunner runner;
    private final OutputFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> endpoints;

    SqlShell(ShellInput input, StatementRunner runner, OutputFormat format, PrintWriter out, PrintWriter err, List<String> endpoints) {
        this.input = Objects.requireNonNull(input, "input");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.format = Objects.requireNonNull(format, "format");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.endpoints = List.copyOf(endpoints);
    }

    /** Runs until the user quits or the input ends; returns how many statements failed. */
    int run() {
        int failures = 0;
        for (String statement = input.next(); statement != null; statement = input.next()) {
            switch (ShellCommands.interpret(statement)) {
                case ShellAction.Quit ignored -> {
                    return failures;
                }
                case ShellAction.Help ignored -> {
                    out.println(ShellCommands.HELP);
                    out.flush();
                }
                case ShellAction.Unknown unknown -> {
                    err.println(unknown.message());
                    err.flush();
                    failures++;
                }
                case ShellAction.Query query -> {
                    try {
                        runner.run(query.sql(), format, true);
                    } catch (RuntimeException e) {
                        out.flush();
                        err.println(ErrorLine.of(e, endpoints));
                        err.flush();
                        failures++;
                    }
                }
            }
        }
        return failures;
    }
}
