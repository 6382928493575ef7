/**
 * Errors of Strata calls, decoded from the {@code strata-error-bin} trailer: Timestream's error
 * names, messages and HTTP statuses, whether a retry may help, and the per-record rejections of
 * WriteRecords.
 */
package io.strata.client.error;
