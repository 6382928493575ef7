package io.strata.server;

import io.strata.cli.admin.AdminCommand;
import io.strata.cli.load.LoadCommand;
import io.strata.cli.sql.SqlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command line: one entry point, one subcommand per way of running Strata. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0-SNAPSHOT",
        description = "A self-hosted, distributed time-series database with Amazon Timestream's API and SQL.",
        subcommands = {ServerCommand.class, DevCommand.class, SqlCommand.class, LoadCommand.class, AdminCommand.class})
public final class StrataCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StrataCommand()).execute(args));
    }
}
