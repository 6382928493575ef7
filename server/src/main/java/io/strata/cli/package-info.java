/**
 * The client-side commands of {@code strata}: {@code sql} (interactive shell and one-shot queries),
 * {@code load} (seeded dataset generator writing through the client) and {@code admin} (databases
 * and tables). They talk to a cluster only through {@code io.strata.client}; the top-level
 * {@code strata} command lists {@link io.strata.cli.sql.SqlCommand}, {@link io.strata.cli.load.LoadCommand}
 * and {@link io.strata.cli.admin.AdminCommand} as subcommands.
 */
package io.strata.cli;
