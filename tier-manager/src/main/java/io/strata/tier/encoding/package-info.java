/**
 * Column encodings of the magnetic store: how one column of one series block becomes bytes.
 *
 * <p>Every encoded column starts byte-aligned with an {@link io.strata.tier.encoding.EncodedBlockHeader}
 * (codec id byte, value count), so columns can be written one after another into one
 * {@link io.strata.tier.encoding.BitWriter} and read back in the same order from one
 * {@link io.strata.tier.encoding.BitReader}. Per column type, one class encodes and decodes:
 * {@link io.strata.tier.encoding.TimestampColumnCodec} (time), {@link io.strata.tier.encoding.DoubleColumnCodec}
 * (DOUBLE, choosing ALP, Chimp or constant per block), {@link io.strata.tier.encoding.LongColumnCodec}
 * (BIGINT, TIMESTAMP values), {@link io.strata.tier.encoding.StringColumnCodec} (VARCHAR) and
 * {@link io.strata.tier.encoding.BitmapColumnCodec} (BOOLEAN, null positions).
 *
 * <p>Contract for callers in other modules:
 * <ul>
 *   <li>Threading: codecs that keep scratch buffers (double, string) are not thread-safe; use one
 *       instance per thread. Writers and readers are single-threaded too. The others are
 *       stateless and may be shared.</li>
 *   <li>Determinism: encoding uses only integer and IEEE arithmetic, which Java defines exactly,
 *       so the same values give the same bytes on every replica and JVM; encoding twice is
 *       harmless (idempotent, no side effects beyond the writer).</li>
 *   <li>Losslessness: decoding gives back every value exactly, doubles bit for bit (NaN payloads,
 *       ±Inf, -0.0, subnormals).</li>
 *   <li>Allocation: encode and decode allocate nothing per value (only per block, and per
 *       distinct string); decoders fill arrays the caller provides and returns the count.</li>
 *   <li>Corruption: a block that cannot be decoded throws
 *       {@link io.strata.core.error.InternalServerException}; a target array too small for the
 *       block is the caller's mistake and throws {@link IllegalArgumentException}.</li>
 *   <li>Format: codec ids and layouts are on-disk format; change them only with a new codec id.</li>
 * </ul>
 */
package io.strata.tier.encoding;
