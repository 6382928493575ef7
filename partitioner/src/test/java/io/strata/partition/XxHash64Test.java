package io.strata.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class XxHash64Test {

    /** Vectors computed with the reference implementation's CLI: {@code printf '%s' TEXT | xxhsum -H64 -}. */
    @Test
    void matchesTheReferenceImplementation() {
        assertThat(hashOf("")).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hashOf("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(hashOf("abc")).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(hashOf("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
        assertThat(hashOf("0123456789abcdef0123456789abcdef0123456789")).isEqualTo(0xA76190C3ACF08A1CL);
        assertThat(hashOf("héllo wörld ✓ 𝄞")).isEqualTo(0xB21827158C9ECED1L);
        assertThat(hashOf("x".repeat(1000))).isEqualTo(0x4CB9A3B69CB700E1L);
    }

    @Test
    void hashingTextEqualsHashingItsUtf8Bytes() {
        String text = "héllo wörld ✓ 𝄞";
        assertThat(new XxHash64().updateUtf8(text).digest()).isEqualTo(hashOf(text));
    }

    @Property(tries = 300)
    void utf8StreamingEqualsJdkEncoding(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new XxHash64().updateUtf8(text).digest()).isEqualTo(XxHash64.hash(bytes));
        assertThat(XxHash64.utf8Length(text)).isEqualTo(bytes.length);
    }

    @Property(tries = 200)
    void feedingInPiecesEqualsFeedingAtOnce(@ForAll byte[] bytes, @ForAll @IntRange(min = 0, max = 100) int split) {
        int cut = Math.min(split, bytes.length);
        long pieces = new XxHash64().update(bytes, 0, cut).update(bytes, cut, bytes.length - cut).digest();
        assertThat(pieces).isEqualTo(XxHash64.hash(bytes));
    }

    @Test
    void resetMakesAnInstanceReusable() {
        XxHash64 hasher = new XxHash64();
        hasher.updateUtf8("something else");
        assertThat(hasher.reset(0).updateUtf8("abc").digest()).isEqualTo(0x44BC2CF5AD770999L);
    }

    private static long hashOf(String text) {
        return XxHash64.hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
