package io.strata.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBatchTest {
    @Test
    void longBuilderKeepsValuesAndNullsAcrossGrowth() {
        LongVector.Builder builder = new LongVector.Builder(ColumnType.TIMESTAMP, 1);
        for (int row = 0; row < 1000; row++) {
            if (row % 7 == 0) {
                builder.appendNull();
            } else {
                builder.append(row * 1_000_000L);
            }
        }
        LongVector vector = builder.build();
        assertThat(vector.type()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(vector.size()).isEqualTo(1000);
        for (int row = 0; row < 1000; row++) {
            assertThat(vector.isNull(row)).isEqualTo(row % 7 == 0);
            if (row % 7 != 0) {
                assertThat(vector.get(row)).isEqualTo(row * 1_000_000L);
            }
        }
        assertThat(vector.nulls().hasNulls()).isTrue();
    }

    @Test
    void builtVectorsDoNotChangeWhenTheBuilderIsReused() {
        DoubleVector.Builder builder = new DoubleVector.Builder(4);
        builder.append(1.5).appendNull().append(-2);
        DoubleVector first = builder.build();
        builder.reset();
        builder.append(9).append(9).append(9).append(9);
        DoubleVector second = builder.build();
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.get(0)).isEqualTo(1.5);
        assertThat(first.isNull(1)).isTrue();
        assertThat(first.get(2)).isEqualTo(-2);
        assertThat(second.size()).isEqualTo(4);
        assertThat(second.nulls()).isSameAs(NullMask.NONE);
        assertThat(second.isNull(1)).isFalse();
    }

    @Test
    void varcharVectorStoresEachDistinctValueOnce() {
        VarcharVector.Builder builder = new VarcharVector.Builder(2);
        for (int row = 0; row < 300; row++) {
            builder.append("device-" + (row % 3));
        }
        builder.appendNull();
        VarcharVector vector = builder.build();
        assertThat(vector.size()).isEqualTo(301);
        assertThat(vector.dictionarySize()).isEqualTo(3);
        assertThat(vector.get(0)).isEqualTo("device-0");
        assertThat(vector.get(4)).isEqualTo("device-1");
        assertThat(vector.id(3)).isEqualTo(vector.id(0));
        assertThat(vector.id(1)).isNotEqualTo(vector.id(0));
        assertThat(vector.isNull(300)).isTrue();
        assertThat(vector.get(300)).isNull();

        builder.reset();
        VarcharVector next = builder.append("other").build();
        assertThat(next.dictionarySize()).isEqualTo(1);
        assertThat(next.get(0)).isEqualTo("other");
        assertThat(vector.get(0)).isEqualTo("device-0");
    }

    @Test
    void booleanVectorAndEquality() {
        BooleanVector vector = new BooleanVector.Builder(1).append(true).appendNull().append(false).build();
        assertThat(vector.get(0)).isTrue();
        assertThat(vector.isNull(1)).isTrue();
        assertThat(vector.get(2)).isFalse();
        assertThat(vector).isEqualTo(new BooleanVector.Builder(8).append(true).appendNull().append(false).build());
        assertThat(vector).isNotEqualTo(BooleanVector.of(true, false, false));
        assertThat(VarcharVector.of("a", null, "b")).isEqualTo(VarcharVector.of("a", null, "b"));
    }

    @Test
    void readingPastTheEndFails() {
        LongVector vector = LongVector.of(ColumnType.BIGINT, 1, 2);
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> vector.get(2));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> vector.isNull(-1));
    }

    @Test
    void aLongVectorHoldsOnlyIntegersAndTimestamps() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LongVector.Builder(ColumnType.DOUBLE, 1));
    }

    @Test
    void batchFindsColumnsByName() {
        ColumnBatch batch = ColumnBatch.builder(2)
                .add("time", LongVector.of(ColumnType.TIMESTAMP, 10, 20))
                .add("host", VarcharVector.of("a", "b"))
                .add("measure_value::double", DoubleVector.of(0.5, 1.5))
                .build();
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(batch.columnCount()).isEqualTo(3);
        assertThat(batch.names()).containsExactly("time", "host", "measure_value::double");
        assertThat(((VarcharVector) batch.column("host")).get(1)).isEqualTo("b");
        assertThat(batch.columnIndex("measure_value::double")).isEqualTo(2);
        assertThat(batch.columnIndex("missing")).isEqualTo(-1);
        assertThat(batch.column(0).type()).isEqualTo(ColumnType.TIMESTAMP);
    }

    @Test
    void batchRefusesColumnsOfTheWrongLengthOrRepeatedNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ColumnBatch(3, List.of("a"), List.of(DoubleVector.of(1, 2))))
                .withMessage("column 'a' has 2 rows, the batch 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ColumnBatch(1, List.of("a", "a"), List.of(DoubleVector.of(1), DoubleVector.of(2))))
                .withMessage("column 'a' appears twice");
    }

    @Test
    void wrappedVectorsUseTheGivenArraysAndCheckDictionaryIds() {
        VarcharVector vector = VarcharVector.wrap(new int[] {1, 0, 1}, 3, new String[] {"x", "y"}, 2, NullMask.NONE);
        assertThat(vector.get(0)).isEqualTo("y");
        assertThat(vector.get(1)).isEqualTo("x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VarcharVector.wrap(new int[] {2}, 1, new String[] {"x", "y"}, 2, NullMask.NONE));
    }

    @Test
    void appendingAValueRepeatedlyEqualsAppendingItOneByOne() {
        VarcharVector.Builder repeated = new VarcharVector.Builder(2);
        VarcharVector.Builder oneByOne = new VarcharVector.Builder(2);
        repeated.append("a").appendNull().appendRepeated("b", 5).appendRepeated("a", 3).appendRepeated("c", 0);
        oneByOne.append("a").appendNull();
        for (int i = 0; i < 5; i++) {
            oneByOne.append("b");
        }
        for (int i = 0; i < 3; i++) {
            oneByOne.append("a");
        }
        assertThat(repeated.build()).isEqualTo(oneByOne.build());
        assertThat(repeated.size()).isEqualTo(10);
    }
}
