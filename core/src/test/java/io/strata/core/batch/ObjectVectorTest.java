package io.strata.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectVectorTest {
    @Test
    void builderKeepsValuesAndNullsAcrossGrowthAndReset() {
        ObjectVector.Builder builder = new ObjectVector.Builder(ColumnType.ARRAY, 1);
        for (int row = 0; row < 200; row++) {
            builder.append(row % 5 == 0 ? null : List.of((long) row, (long) row + 1));
        }
        ObjectVector vector = builder.build();
        assertThat(vector.type()).isEqualTo(ColumnType.ARRAY);
        assertThat(vector.size()).isEqualTo(200);
        for (int row = 0; row < 200; row++) {
            assertThat(vector.isNull(row)).isEqualTo(row % 5 == 0);
            assertThat(vector.get(row)).isEqualTo(row % 5 == 0 ? null : List.of((long) row, (long) row + 1));
        }
        builder.reset();
        builder.append(List.of("a"));
        ObjectVector next = builder.build();
        assertThat(next.size()).isEqualTo(1);
        assertThat(next.nulls().hasNulls()).isFalse();
        assertThat(vector.get(1)).as("a built vector does not see later appends").isEqualTo(List.of(1L, 2L));
    }

    @Test
    void arraysMayHoldNullElementsAndCompareByValue() {
        List<Object> withNull = Collections.unmodifiableList(Arrays.asList(1.5, null));
        ObjectVector first = ObjectVector.of(ColumnType.ROW, withNull, null);
        ObjectVector second = ObjectVector.of(ColumnType.ROW, Collections.unmodifiableList(Arrays.asList(1.5, null)), null);
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(ObjectVector.of(ColumnType.ARRAY, withNull, null));
        assertThat(first.isNull(1)).isTrue();
    }

    @Test
    void holdsOnlyCompositeTypes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ObjectVector.Builder(ColumnType.DOUBLE, 4));
        assertThat(ColumnType.TIMESERIES.isComposite()).isTrue();
        assertThat(ColumnType.TIMESTAMP.isComposite()).isFalse();
    }
}
