package io.strata.cli.sql;

import io.strata.cli.ClusterOptions;
import io.strata.cli.CommandEnvironment;
import io.strata.cli.ErrorLine;
import io.strata.cli.FormatConverter;
import io.strata.cli.output.OutputFormat;
import io.strata.client.StrataClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata sql}: an interactive SQL shell, or with {@code -e} one or more statements run once.
 * Exit codes with {@code -e}: 0 when every statement ran, 1 when one failed (the rest are not run),
 * 2 when the cluster could not be reached. Without {@code -e}, on piped input, the exit code is 1
 * when any statement failed.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run SQL (Timestream's dialect) against a Strata cluster: an interactive shell, "
                + "or one-shot with -e.", "Statements end with ';'. In the shell, \\? lists the shell commands."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a statement failed", "2:the cluster could not be reached"})
public final class SqlCommand implements Callable<Integer> {
    /** Every statement ran. */
    public static final int OK = 0;
    /** A statement failed (syntax, unknown table, query error ...). */
    public static final int QUERY_FAILED = 1;
    /** No node answered. */
    public static final int CONNECTION_FAILED = 2;

    private final CommandEnvironment environment;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
            description = "Run these statements (separated by ';'), print their results and exit.")
    private String execute;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Spec
    private CommandSpec spec;

    /** The command as {@code strata} runs it. */
    public SqlCommand() {
        this(CommandEnvironment.system());
    }

    /** The command in {@code environment} (tests). */
    public SqlCommand(CommandEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StrataClient client = environment.connect(cluster)) {
            if (execute != null) {
                return executeOnce(client, out, err);
            }
            if (environment.terminal()) {
                try (TerminalShellInput input = TerminalShellInput.open(environment.historyFile())) {
                    PrintWriter screen = input.writer();
                    screen.println("Connected to " + String.join(", ", cluster.endpoints())
                            + ". End statements with ';'; \\? for help, \\q to quit.");
                    new SqlShell(input, new StatementRunner(client, environment.clock(), screen), format, screen, screen, cluster.endpoints()).run();
                    return OK;
                }
            }
            try (PipedShellInput input = new PipedShellInput(environment.input())) {
                int failures = new SqlShell(input, new StatementRunner(client, environment.clock(), out), format, out, err, cluster.endpoints()).run();
                return failures == 0 ? OK : QUERY_FAILED;
            }
        }
    }

    private int executeOnce(StrataClient client, PrintWriter out, PrintWriter err) {
        StatementRunner runner = new StatementRunner(client, environment.clock(), out);
        StatementSplitter.Split split = StatementSplitter.split(execute);
        List<String> statements = new ArrayList<>(split.statements());
        if (split.pending()) {
            statements.add(split.remainder().strip());
        }
        for (String statement : statements) {
            ShellAction action = ShellCommands.interpret(statement);
            try {
                switch (action) {
                    case ShellAction.Query query -> runner.run(query.sql(), format, format == OutputFormat.TABLE);
                    case ShellAction.Help ignored -> out.println(ShellCommands.HELP);
                    case ShellAction.Quit ignored -> {
                        return OK;
                    }
                    case ShellAction.Unknown unknown -> {
                        err.println(unknown.message());
                        err.flush();
                        return QUERY_FAILED;
                    }
                }
            } catch (RuntimeException e) {
                out.flush();
                err.println(ErrorLine.of(e, cluster.endpoints()));
                err.flush();
                return ErrorLine.isConnectionFailure(e) ? CONNECTION_FAILED : QUERY_FAILED;
            }
        }
        out.flush();
        return OK;
    }
}
