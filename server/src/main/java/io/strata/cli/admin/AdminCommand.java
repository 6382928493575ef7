package io.strata.cli.admin;

import io.strata.cli.CommandEnvironment;
import io.strata.cli.ErrorLine;
import io.strata.client.StrataClient;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code strata admin}: {@code database}, {@code table} and {@code cluster} commands. Each prints what the cluster
 * answered; a failure prints as one line ({@code ConflictException: ...}) with exit code 1, or 2
 * when the cluster could not be reached.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Create, describe, list, update and delete databases and tables; show the cluster's status.",
        subcommands = {DatabaseCommand.class, TableCommand.class, ClusterCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the cluster refused the request", "2:the cluster could not be reached"})
public final class AdminCommand implements Runnable {
    /** The request succeeded. */
    public static final int OK = 0;
    /** The cluster answered with an error. */
    public static final int REFUSED = 1;
    /** No node answered. */
    public static final int CONNECTION_FAILED = 2;

    private final CommandEnvironment environment;

    @Spec
    private CommandSpec spec;

    /** The command as {@code strata} runs it. */
    public AdminCommand() {
        this(CommandEnvironment.system());
    }

    /** The command in {@code environment} (tests). */
    public AdminCommand(CommandEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Connects with {@code options}, runs {@code request} with a printer in the chosen format, and
     * turns a failure into one line on standard error and an exit code.
     */
    int call(CommandSpec command, AdminOptions options, Consumer<Request> request) {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (StrataClient client = environment.connect(options.cluster)) {
            request.accept(new Request(client, new CatalogPrinter(options.format, out), out));
            out.flush();
            return OK;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            out.flush();
            err.println(ErrorLine.of(e, options.cluster.endpoints()));
            err.flush();
            return ErrorLine.isConnectionFailure(e) ? CONNECTION_FAILED : REFUSED;
        }
    }

    /** What one admin command works with. */
    record Request(StrataClient client, CatalogPrinter printer, PrintWriter out) {}
}
