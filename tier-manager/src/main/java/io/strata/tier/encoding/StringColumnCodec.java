package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VARCHAR columns (and dimension values): a dictionary of the block's distinct strings in
 * first-seen order (UTF-8, length-prefixed), then one bit-packed dictionary id per value in the
 * fewest bits that hold the largest id. A column of one repeated string costs only its
 * dictionary entry. Values are never null here: null positions go in a
 * {@link BitmapColumnCodec} block and only present values are encoded.
 *
 * <p>Allocates per distinct string (the dictionary), never per value. Keeps its dictionary and
 * scratch ids between blocks: not thread-safe, one instance per thread.
 */
public final class StringColumnCodec {
    private final Map<String, Integer> idByValue = new HashMap<>();
    private final List<String> dictionary = new ArrayList<>();
    private int[] ids = new int[0];
    private String[] decodedDictionary = new String[0];
    private byte[] utf8 = new byte[64];

    /** Writes a header and {@code values[0..count)}. */
    public void encode(String[] values, int count, BitWriter out) {
        new EncodedBlockHeader(ColumnCodec.STRING_DICTIONARY, count).writeTo(out);
        if (count == 0) {
            return;
        }
        idByValue.clear();
        dictionary.clear();
        if (ids.length < count) {
            ids = new int[count];
        }
        for (int i = 0; i < count; i++) {
            String value = Objects.requireNonNull(values[i], "values[i]: nulls belong in the null bitmap");
            Integer id = idByValue.get(value);
            if (id == null) {
                id = dictionary.size();
                idByValue.put(value, id);
                dictionary.add(value);
            }
            ids[i] = id;
        }
        out.writeVarLong(dictionary.size());
        for (String entry : dictionary) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(bytes.length);
            out.writeBytes(bytes, 0, bytes.length);
        }
        int width = idWidth(dictionary.size());
        for (int i = 0; i < count; i++) {
            out.writeBits(ids[i], width);
        }
    }

    /** Reads a block written by {@link #encode} into {@code out}; returns the value count. */
    public int decode(BitReader in, String[] out) {
        int count = EncodedBlockHeader.readExpecting(in, out.length, ColumnCodec.STRING_DICTIONARY).valueCount();
        if (count == 0) {
            return 0;
        }
        long size = in.readVarLong();
        if (size < 1 || size > count) {
            throw new InternalServerException("Corrupt column block: dictionary of " + size + " for " + count);
        }
        int dictionarySize = (int) size;
        if (decodedDictionary.length < dictionarySize) {
            decodedDictionary = new String[dictionarySize];
        }
        for (int d = 0; d < dictionarySize; d++) {
            long length = in.readVarLong();
            if (length < 0 || length > in.remainingBits() / Byte.SIZE) {
                throw new InternalServerException("Corrupt column block: string of " + length + " bytes");
            }
            if (utf8.length < length) {
                utf8 = new byte[(int) Math.max(length, utf8.length * 2L)];
            }
            in.readBytes(utf8, 0, (int) length);
            decodedDictionary[d] = new String(utf8, 0, (int) length, StandardCharsets.UTF_8);
        }
        int width = idWidth(dictionarySize);
        for (int i = 0; i < count; i++) {
            long id = in.readBits(width);
            if (id >= dictionarySize) {
                throw new InternalServerException("Corrupt column block: dictionary id " + id);
            }
            out[i] = decodedDictionary[(int) id];
        }
        Arrays.fill(decodedDictionary, 0, dictionarySize, null);
        return count;
    }

    private static int idWidth(int dictionarySize) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(dictionarySize - 1);
    }
}
