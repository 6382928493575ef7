/**
 * How the commands print results: aligned text tables, CSV and JSON. Printers are used by one
 * thread at a time and write to the {@link java.io.PrintWriter} they are given.
 */
package io.strata.cli.output;
