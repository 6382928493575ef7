package io.strata.cli.admin;

import io.strata.cli.output.OutputFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata admin cluster status}: nodes, zones, groups, leaders and replication lag. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Inspect the cluster.")
public final class ClusterCommand implements Callable<Integer> {
    @ParentCommand
    private AdminCommand admin;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return AdminCommand.OK;
    }

    @Command(name = "status", description = {
            "Show the nodes (zone, addresses, live, ready) and every Raft group (leader; each peer's zone,",
            "commit and applied index, and lag in entries behind the leader) as the node asked sees them.",
            "Formats: table (default) or json."})
    int status(@Mixin AdminOptions options) {
        if (options.format == OutputFormat.CSV) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cluster status prints as table or json, not csv");
        }
        return admin.call(spec, options, request ->
                new ClusterStatusPrinter(options.format, request.out()).print(request.client().admin().describeCluster()));
    }
}
