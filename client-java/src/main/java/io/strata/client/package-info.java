/**
 * The Java client of Strata: {@link io.strata.client.StrataClient} connects to a cluster and gives
 * admin calls, batched writes with backpressure and lazily paged, typed queries.
 */
package io.strata.client;
