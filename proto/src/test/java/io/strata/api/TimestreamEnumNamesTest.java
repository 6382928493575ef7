package io.strata.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.strata.api.v1.AdminServiceProto;
import io.strata.api.v1.CatalogProto;
import io.strata.api.v1.DimensionValueType;
import io.strata.api.v1.ErrorsProto;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.PartitionKeyEnforcementLevel;
import io.strata.api.v1.PartitionKeyType;
import io.strata.api.v1.QueryResultsProto;
import io.strata.api.v1.QueryServiceProto;
import io.strata.api.v1.RecordsProto;
import io.strata.api.v1.S3EncryptionOption;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.TimeUnit;
import io.strata.api.v1.WriteServiceProto;
import io.strata.internal.v1.CatalogEntriesProto;
import io.strata.internal.v1.ColumnBatchProto;
import io.strata.internal.v1.ShardCommandsProto;
import io.strata.internal.v1.ShardQueryProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The HTTP endpoint turns enum values into Timestream's strings by dropping the enum's prefix; these
 * tests hold every enum to that naming and the public enums to Timestream's exact value sets.
 */
class TimestreamEnumNamesTest {

    private static final List<FileDescriptor> FILES = List.of(
            RecordsProto.getDescriptor(), ErrorsProto.getDescriptor(), WriteServiceProto.getDescriptor(),
            CatalogProto.getDescriptor(), AdminServiceProto.getDescriptor(), QueryResultsProto.getDescriptor(),
            QueryServiceProto.getDescriptor(), ShardCommandsProto.getDescriptor(), ColumnBatchProto.getDescriptor(),
            ShardQueryProto.getDescriptor(), CatalogEntriesProto.getDescriptor());

    @Test
    void everyEnumValueCarriesTheEnumPrefixAndZeroMeansUnspecified() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptor file : FILES) {
            for (EnumDescriptor type : file.getEnumTypes()) {
                String prefix = upperSnake(type.getName()) + "_";
                if (!type.findValueByNumber(0).getName().equals(prefix + "UNSPECIFIED")) {
                    problems.add(type.getFullName() + ": value 0 must be " + prefix + "UNSPECIFIED");
                }
                for (EnumValueDescriptor value : type.getValues()) {
                    if (!value.getName().startsWith(prefix)) {
                        problems.add(value.getFullName() + " lacks the prefix " + prefix);
                    }
                }
            }
        }
        assertThat(FILES.stream().mapToInt(file -> file.getEnumTypes().size()).sum()).isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void publicEnumsSpellTimestreamsValuesAfterThePrefix() {
        assertThat(timestreamNames(MeasureValueType.getDescriptor()))
                .containsExactly("DOUBLE", "BIGINT", "VARCHAR", "BOOLEAN", "TIMESTAMP", "MULTI");
        assertThat(timestreamNames(TimeUnit.getDescriptor()))
                .containsExactly("MILLISECONDS", "SECONDS", "MICROSECONDS", "NANOSECONDS");
        assertThat(timestreamNames(DimensionValueType.getDescriptor())).containsExactly("VARCHAR");
        assertThat(timestreamNames(TableStatus.getDescriptor())).containsExactly("ACTIVE", "DELETING", "RESTORING");
        assertThat(timestreamNames(S3EncryptionOption.getDescriptor())).containsExactly("SSE_S3", "SSE_KMS");
        assertThat(timestreamNames(PartitionKeyType.getDescriptor())).containsExactly("DIMENSION", "MEASURE");
        assertThat(timestreamNames(PartitionKeyEnforcementLevel.getDescriptor()))
                .containsExactly("REQUIRED", "OPTIONAL");
        assertThat(timestreamNames(ScalarType.getDescriptor()))
                .containsExactly("VARCHAR", "BOOLEAN", "BIGINT", "DOUBLE", "TIMESTAMP", "DATE", "TIME",
                        "INTERVAL_DAY_TO_SECOND", "INTERVAL_YEAR_TO_MONTH", "UNKNOWN", "INTEGER");
    }

    /** Timestream's strings of an enum: its values other than 0, without the prefix. */
    private static List<String> timestreamNames(EnumDescriptor type) {
        String prefix = upperSnake(type.getName()) + "_";
        return type.getValues().stream()
                .filter(value -> value.getNumber() != 0)
                .map(value -> value.getName().substring(prefix.length()))
                .toList();
    }

    private static String upperSnake(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
