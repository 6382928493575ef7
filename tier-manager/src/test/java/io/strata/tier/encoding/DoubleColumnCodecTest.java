package io.strata.tier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleColumnCodecTest {
    private final DoubleColumnCodec codec = new DoubleColumnCodec();

    @Provide
    Arbitrary<double[]> columns() {
        return TestColumns.doubleColumns();
    }

    @Property(tries = 300)
    void chosenCodecGivesBackEveryBit(@ForAll("columns") double[] values) {
        assertThat(rawBits(roundTrip(values))).containsExactly(rawBits(values));
    }

    @Property(tries = 300)
    void alpAloneGivesBackEveryBit(@ForAll("columns") double[] values) {
        AlpDoubleCodec alp = new AlpDoubleCodec();
        BitWriter out = new BitWriter();
        AlpPlan plan = alp.plan(values, values.length, alp.choose(values, values.length), Long.MAX_VALUE);
        alp.encode(values, values.length, plan, out);
        assertThat(out.bitLength()).isEqualTo(plan.payloadBits());

        double[] decoded = new double[values.length];
        alp.decode(new BitReader(out.toByteArray()), values.length, decoded);
        assertThat(rawBits(decoded)).containsExactly(rawBits(values));
    }

    @Property(tries = 300)
    void chimpAloneGivesBackEveryBit(@ForAll("columns") double[] values) {
        ChimpDoubleCodec chimp = new ChimpDoubleCodec();
        BitWriter out = new BitWriter();
        assertThat(chimp.encode(values, values.length, out, Long.MAX_VALUE)).isTrue();

        double[] decoded = new double[values.length];
        chimp.decode(new BitReader(out.toByteArray()), values.length, decoded);
        assertThat(rawBits(decoded)).containsExactly(rawBits(values));
    }

    @Property(tries = 200)
    void chosenBlockIsNoLargerThanEitherCodecAlone(@ForAll("columns") double[] values) {
        BitWriter chosen = new BitWriter();
        codec.encode(values, values.length, chosen);

        AlpDoubleCodec alp = new AlpDoubleCodec();
        BitWriter alpOnly = new BitWriter();
        alp.encode(values, values.length,
                alp.plan(values, values.length, alp.choose(values, values.length), Long.MAX_VALUE), alpOnly);
        BitWriter chimpOnly = new BitWriter();
        new ChimpDoubleCodec().encode(values, values.length, chimpOnly, Long.MAX_VALUE);
        long headerBits = headerBits(values.length);

        assertThat(chosen.bitLength() - headerBits)
                .isLessThanOrEqualTo(Math.min(alpOnly.bitLength(), chimpOnly.bitLength()));
    }

    @Test
    void emptyAndSingleValueBlocksRoundTrip() {
        assertThat(roundTrip(new double[0])).isEmpty();
        for (double special : TestColumns.SPECIAL_DOUBLES) {
            assertThat(rawBits(roundTrip(new double[] {special})))
                    .containsExactly(Double.doubleToRawLongBits(special));
        }
    }

    @Test
    void everySpecialValueSurvivesBetweenDecimals() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 50 == 7 ? TestColumns.SPECIAL_DOUBLES[(i / 50) % TestColumns.SPECIAL_DOUBLES.length]
                    : (2000 + i) / 100.0;
        }
        BitWriter out = new BitWriter();
        assertThat(codec.encode(values, values.length, out)).isEqualTo(ColumnCodec.DOUBLE_ALP);
        double[] decoded = new double[values.length];
        codec.decode(new BitReader(out.toByteArray()), decoded);
        assertThat(rawBits(decoded)).containsExactly(rawBits(values));
    }

    @Test
    void constantColumnCostsAtMostTwoBitsPerValue() {
        for (double constant : TestColumns.SPECIAL_DOUBLES) {
            double[] values = TestColumns.constantRun(constant, 1000);
            BitWriter out = new BitWriter();
            codec.encode(values, values.length, out);
            assertThat((double) out.toByteArray().length * 8 / values.length)
                    .as("bits per value of a constant %s column", constant)
                    .isLessThanOrEqualTo(2.0);
            assertThat(rawBits(roundTrip(values))).containsExactly(rawBits(values));
        }
    }

    @Test
    void oneChangeInALongRunCostsChimpsTwoBitsPerRepeatNotAlpsWiderFrame() {
        double[] values = TestColumns.constantRun(42.5, 1000);
        values[500] = 43.0;
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        // ALP would need 3 bits per value for {425, 430}; Chimp stores a repeat in 2.
        assertThat((double) out.toByteArray().length * 8 / values.length).isLessThanOrEqualTo(2.2);
    }

    @Property(tries = 20)
    void twoDecimalReadingsChooseAlpAndCostUnderTwoBytes(@ForAll long seed) {
        double[] values = TestColumns.twoDecimalWalk(seed, 1000);
        BitWriter out = new BitWriter();
        assertThat(codec.encode(values, values.length, out)).isEqualTo(ColumnCodec.DOUBLE_ALP);
        assertThat((double) out.toByteArray().length / values.length).isLessThan(2.0);
    }

    @Property(tries = 20)
    void slowWalksStoreDeltasInFewerBitsThanTheirRange(@ForAll long seed) {
        double[] values = TestColumns.twoDecimalWalk(seed, 1000);
        AlpDoubleCodec alp = new AlpDoubleCodec();
        AlpPlan plan = alp.plan(values, values.length, alp.choose(values, values.length), Long.MAX_VALUE);
        assertThat(plan.deltas()).isTrue();
        assertThat(plan.exponent() - plan.factor()).isEqualTo(2);
        // steps of N(0, 0.05) stay within ±25 hundredths: at most 6 bits, far below the range's
        assertThat((double) plan.payloadBits() / values.length).isLessThanOrEqualTo(6.5);
        assertThat(plan.exceptionCount()).isZero();
    }

    @Property(tries = 20)
    void integerValuedColumnsChooseAlp(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000_000) int range) {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(range + 1);
        }
        BitWriter out = new BitWriter();
        ColumnCodec chosen = codec.encode(values, values.length, out);
        assertThat(chosen).isIn(ColumnCodec.DOUBLE_ALP, ColumnCodec.DOUBLE_CONSTANT);
        int bitsForRange = Integer.SIZE - Integer.numberOfLeadingZeros(range);
        assertThat(out.bitLength()).isLessThanOrEqualTo(values.length * (long) bitsForRange + 200);
    }

    @Property(tries = 20)
    void fullPrecisionWalksChooseChimp(@ForAll long seed) {
        double[] values = TestColumns.randomWalk(seed, 1000, 1.0);
        BitWriter out = new BitWriter();
        assertThat(codec.encode(values, values.length, out)).isEqualTo(ColumnCodec.DOUBLE_CHIMP);
        assertThat(rawBits(roundTrip(values))).containsExactly(rawBits(values));
    }

    @Test
    void alpGivesUpOnceItCannotStayWithinItsBudget() {
        double[] values = TestColumns.randomWalk(9, 1000, 1.0);
        AlpDoubleCodec alp = new AlpDoubleCodec();
        AlpExponentChoice choice = alp.choose(values, values.length);
        assertThat(choice.mostlyExceptions()).isTrue();
        AlpPlan unlimited = alp.plan(values, values.length, choice, Long.MAX_VALUE);
        assertThat(alp.plan(values, values.length, choice, unlimited.payloadBits() - 1)).isNull();
        assertThat(alp.plan(values, values.length, choice, unlimited.payloadBits())).isEqualTo(unlimited);
    }

    @Test
    void decodesIntoALargerCallerArray() {
        double[] values = {1.5, 2.5, Double.NaN};
        BitWriter out = new BitWriter();
        codec.encode(values, 2, out);
        double[] target = new double[10];
        Arrays.fill(target, -7);
        assertThat(codec.decode(new BitReader(out.toByteArray()), target)).isEqualTo(2);
        assertThat(target[0]).isEqualTo(1.5);
        assertThat(target[1]).isEqualTo(2.5);
        assertThat(target[2]).isEqualTo(-7);
    }

    private double[] roundTrip(double[] values) {
        BitWriter out = new BitWriter();
        codec.encode(values, values.length, out);
        byte[] bytes = out.toByteArray();
        double[] decoded = new double[values.length];
        BitReader in = new BitReader(bytes);
        assertThat(codec.decode(in, decoded)).isEqualTo(values.length);
        assertThat(in.bytePosition()).isEqualTo(bytes.length);
        return decoded;
    }

    private static long headerBits(int count) {
        BitWriter header = new BitWriter();
        new EncodedBlockHeader(ColumnCodec.DOUBLE_ALP, count).writeTo(header);
        return header.bitLength();
    }

    static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
