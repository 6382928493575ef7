/**
 * {@code strata admin}: databases and tables (create, describe, list, update, delete) through the
 * client's admin API, printed as aligned tables, CSV or JSON in Timestream's shapes.
 */
package io.strata.cli.admin;
