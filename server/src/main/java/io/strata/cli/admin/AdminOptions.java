package io.strata.cli.admin;

import io.strata.cli.ClusterOptions;
import io.strata.cli.FormatConverter;
import io.strata.cli.output.OutputFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every admin command takes: where the cluster is and how to print. */
public final class AdminOptions {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;
}
