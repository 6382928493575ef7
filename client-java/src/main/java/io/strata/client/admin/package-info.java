/** The catalog API: databases, tables and tags, as blocking typed calls. */
package io.strata.client.admin;
