package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.InternalServerException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BitWriterReaderTest {

    record Field(long value, int width) {
        long expected() {
            return width == 64 ? value : value & ((1L << width) - 1);
        }
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 64))
                .as(Field::new).list().ofMaxSize(500);
    }

    @Property(tries = 300)
    void fieldsReadBackAsWritten(@ForAll("fields") List<Field> fields) {
        BitWriter out = new BitWriter(8);
        long bits = 0;
        for (Field field : fields) {
            out.writeBits(field.value(), field.width());
            bits += field.width();
        }
        assertThat(out.bitLength()).isEqualTo(bits);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize((int) ((bits + 7) / 8));

        BitReader in = new BitReader(bytes);
        for (Field field : fields) {
            assertThat(in.readBits(field.width())).isEqualTo(field.expected());
        }
    }

    @Property(tries = 200)
    void varLongsAndBytesReadBackAtAnyBitOffset(@ForAll @IntRange(max = 63) int offset,
            @ForAll long number, @ForAll byte[] bytes) {
        BitWriter out = new BitWriter(8);
        out.writeBits(-1L, offset);
        out.writeVarLong(number);
        out.writeBytes(bytes, 0, bytes.length);

        BitReader in = new BitReader(out.toByteArray());
        assertThat(in.readBits(offset)).isEqualTo(offset == 64 ? -1L : (1L << offset) - 1);
        assertThat(in.readVarLong()).isEqualTo(number);
        byte[] read = new byte[bytes.length];
        in.readBytes(read, 0, read.length);
        assertThat(read).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void writeAllAppendsAnotherWriterBitForBit(@ForAll("fields") List<Field> first, @ForAll("fields") List<Field> second) {
        BitWriter expected = new BitWriter();
        BitWriter head = new BitWriter();
        BitWriter tail = new BitWriter();
        first.forEach(f -> {
            expected.writeBits(f.value(), f.width());
            head.writeBits(f.value(), f.width());
        });
        second.forEach(f -> {
            expected.writeBits(f.value(), f.width());
            tail.writeBits(f.value(), f.width());
        });
        head.writeAll(tail);
        assertThat(head.bitLength()).isEqualTo(expected.bitLength());
        assertThat(head.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void readingPastTheEndIsACorruptBlock() {
        BitReader in = new BitReader(new byte[] {1, 2, 3});
        in.readBits(20);
        assertThatThrownBy(() -> in.readBits(5))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("Corrupt column block");
    }

    @Test
    void readsOnlyItsOwnRangeOfALargerArray() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xAB, (byte) 0xCD, (byte) 0xFF};
        BitReader in = new BitReader(bytes, 1, 2);
        assertThat(in.readBits(16)).isEqualTo(0xABCDL);
        assertThatThrownBy(() -> in.readBits(1)).isInstanceOf(InternalServerException.class);
    }
}
