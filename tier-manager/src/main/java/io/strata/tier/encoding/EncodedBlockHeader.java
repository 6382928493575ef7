package io.strata.tier.encoding;

import io.strata.core.error.InternalServerException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a reader needs before decoding one column block: the codec (one byte) and the number of
 * values (a variable-length number). Written byte-aligned at the start of every column block.
 */
public record EncodedBlockHeader(ColumnCodec codec, int valueCount) {
    public EncodedBlockHeader {
        Objects.requireNonNull(codec, "codec");
        if (valueCount < 0) {
            throw new IllegalArgumentException("valueCount must be >= 0, was " + valueCount);
        }
    }

    public void writeTo(BitWriter out) {
        out.alignToByte();
        out.writeBits(codec.id(), 8);
        out.writeVarLong(valueCount);
    }

    public static EncodedBlockHeader readFrom(BitReader in) {
        in.alignToByte();
        ColumnCodec codec = ColumnCodec.fromId((int) in.readBits(8));
        long count = in.readVarLong();
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new InternalServerException("Corrupt column block: value count " + count);
        }
        return new EncodedBlockHeader(codec, (int) count);
    }

    /** Reads a header and checks it holds one of the codecs the caller can decode. */
    static EncodedBlockHeader readExpecting(BitReader in, int capacity, ColumnCodec... accepted) {
        EncodedBlockHeader header = readFrom(in);
        boolean known = false;
        for (ColumnCodec codec : accepted) {
            known |= codec == header.codec;
        }
        if (!known) {
            throw new InternalServerException("Corrupt column block: codec " + header.codec
                    + " where one of " + Arrays.toString(accepted) + " was expected");
        }
        if (header.valueCount > capacity) {
            throw new IllegalArgumentException("Block holds " + header.valueCount
                    + " values but the target array holds only " + capacity);
        }
        return header;
    }
}
