/**
 * {@code strata sql}: the interactive SQL shell (line editing and history on a terminal, scripted
 * statements on piped input) and one-shot {@code -e} queries. Statements end with {@code ;}; shell
 * commands ({@code \q}, {@code \d db.table}, {@code describe db.table}, {@code show tables}) end at
 * the end of their line. One shell serves one user on one thread.
 */
package io.strata.cli.sql;
