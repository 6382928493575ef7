package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StringColumnCodecTest {
    private final StringColumnCodec codec = new StringColumnCodec();

    @Provide
    Arbitrary<List<String>> columns() {
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(40); // any code points, surrogates paired
        Arbitrary<String> fewHosts = Arbitraries.of("host_0", "host_1", "us-east-1", "", "ünïcødé-😀");
        return Arbitraries.oneOf(anyText, fewHosts).list().ofMaxSize(2000);
    }

    @Property(tries = 200)
    void anyStringsRoundTrip(@ForAll("columns") List<String> values) {
        String[] array = values.toArray(String[]::new);
        assertThat(roundTrip(array)).containsExactly(array);
    }

    @Test
    void emptyAndSingleValueBlocksRoundTrip() {
        assertThat(roundTrip(new String[0])).isEmpty();
        assertThat(roundTrip(new String[] {""})).containsExactly("");
        assertThat(roundTrip(new String[] {"cpu"})).containsExactly("cpu");
    }

    @Test
    void repeatedValueCostsOnlyItsDictionaryEntry() {
        String[] values = new String[10_000];
        java.util.Arrays.fill(values, "us-east-1a");
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        assertThat(out.toByteArray().length).isLessThan(20);
        assertThat(roundTrip(values)).containsExactly(values);
    }

    @Test
    void idsUseTheFewestBits() {
        String[] values = new String[8000];
        for (int i = 0; i < values.length; i++) {
            values[i] = "host_" + (i % 8); // 8 distinct: 3 bits each
        }
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        assertThat(out.bitLength()).isBetween(3L * values.length, 3L * values.length + 8 * 100);
    }

    @Test
    void aClaimedLengthLongerThanTheBlockIsCorruptionNotAnAllocation() {
        BitWriter out = new BitWriter();
        new EncodedBlockHeader(ColumnCodec.STRING_DICTIONARY, 1).writeTo(out);
        out.writeVarLong(1);
        out.writeVarLong(1L << 30); // a 1 GiB entry in a block of a few bytes
        assertThatThrownBy(() -> codec.decode(new BitReader(out.toByteArray()), new String[1]))
                .isInstanceOf(io.strata.core.error.InternalServerException.class)
                .hasMessageContaining("string of 1073741824 bytes");
    }

    @Test
    void rejectsNullValues() {
        assertThatThrownBy(() -> codec.encode(new String[] {"a", null}, 2, new BitWriter()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null bitmap");
    }

    private String[] roundTrip(String[] values) {
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        String[] decoded = new String[values.length];
        assertThat(codec.decode(new BitReader(out.toByteArray()), decoded)).isEqualTo(values.length);
        return decoded;
    }
}
