/**
 * {@code strata load}: writes a seeded devops (TSBS cpu-like) or IoT dataset through the client's
 * {@link io.strata.client.write.RecordWriter} as multi-measure records, with a progress line and a
 * summary. One producer thread generates and writes; record outcomes are counted on client threads.
 */
package io.strata.cli.load;
