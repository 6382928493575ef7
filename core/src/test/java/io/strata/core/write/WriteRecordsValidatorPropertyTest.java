package io.strata.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

import io.strata.core.error.RejectedRecord;
import io.strata.core.error.ValidationException;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.DatabaseName;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.TableName;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.core.schema.TableSchema;
import io.strata.core.table.CompositePartitionKey;
import io.strata.core.table.MagneticStoreWriteProperties;
import io.strata.core.table.PartitionKey;
import io.strata.core.table.PartitionKeyEnforcement;
import io.strata.core.table.RetentionProperties;
import io.strata.core.table.TableDefinition;
import io.strata.core.table.Tags;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random requests: valid ones validate into records equal to what was sent; a valid one with one
 * field pushed past a limit fails with the named reason, at the right level (request or record);
 * and arbitrary junk never makes the validator throw anything but a ValidationException.
 */
class WriteRecordsValidatorPropertyTest {
    private static final String DATABASE = "IoTMetrics";
    private static final String TABLE = "SensorReadings";
    private static final TableDefinition TABLE_DEFINITION =
            TableDefinition.withDefaults(DatabaseName.of(DATABASE), TableName.of(TABLE));
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "SECONDS", 1_000_000_000L, "MILLISECONDS", 1_000_000L, "MICROSECONDS", 1_000L, "NANOSECONDS", 1L);

    private static final List<MeasureValueInput> NO_VALUES = null;

    private final WriteRecordsValidator validator = new WriteRecordsValidator();

    @Property(tries = 300)
    void validRecordsValidateIntoRecordsEqualToTheInput(@ForAll("validRequests") List<RecordInput> records) {
        WriteValidation result = validate(records);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(result.accepted().get(i).recordIndex()).isEqualTo(i);
            assertMatches(records.get(i), result.accepted().get(i).record());
        }
    }

    @Property(tries = 500)
    void aFieldPastItsLimitFailsWithItsNamedReason(
            @ForAll("validRequests") List<RecordInput> records,
            @ForAll Mutation mutation,
            @ForAll @IntRange(min = 0, max = 99) int pick) {
        int index = pick % records.size();
        List<RecordInput> mutated = new ArrayList<>(records);
        mutated.set(index, mutation.apply(records.get(index), index));
        if (mutation == Mutation.TOO_MANY_RECORDS) {
            mutated.addAll(Collections.nCopies(101 - mutated.size(), mutated.getFirst()));
        }
        String expected = mutation.expectedMessagePart(index);
        if (mutation.invalidatesRequest) {
            assertThatExceptionOfType(ValidationException.class)
                    .isThrownBy(() -> validate(mutated))
                    .withMessageContaining(expected);
        } else {
            WriteValidation result = validate(mutated);
            assertThat(result.rejected()).hasSize(1);
            RejectedRecord rejected = result.rejected().getFirst();
            assertThat(rejected.recordIndex()).isEqualTo(index);
            assertThat(rejected.reason()).contains(expected);
            assertThat(result.accepted()).hasSize(records.size() - 1)
                    .noneMatch(accepted -> accepted.recordIndex() == index);
        }
    }

    // Edge cases off: mixed in, they pick each field's rare invalid form far more often than its
    // weight, and nearly every request would fail before its records are judged.
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void nothingButValidationExceptionEverEscapes(
            @ForAll("junkNames") String databaseName,
            @ForAll("junkCommon") RecordInput common,
            @ForAll("junkRecords") List<RecordInput> records,
            @ForAll boolean requirePartitionKey) {
        TableDefinition table = requirePartitionKey ? tableRequiring("d_key") : TABLE_DEFINITION;
        WriteValidation result;
        try {
            result = validator.validate(new WriteRecordsInput(databaseName, TABLE, new CommonAttributes(common), records),
                    table, TableSchema.EMPTY);
        } catch (ValidationException invalidRequest) {
            Statistics.collect("request invalid");
            assertThat(invalidRequest.getMessage()).isNotBlank();
            return;
        } catch (RuntimeException other) {
            fail("the validator must only throw ValidationException", other);
            return;
        }
        Statistics.collect(result.accepted().isEmpty() ? "judged, none accepted" : "judged, some accepted");
        Set<Integer> judged = new HashSet<>();
        result.accepted().forEach(accepted -> judged.add(accepted.recordIndex()));
        result.rejected().forEach(rejected -> {
            assertThat(rejected.reason()).isNotBlank();
            judged.add(rejected.recordIndex());
        });
        assertThat(judged).hasSize(records.size());
        assertThat(result.accepted().size() + result.rejected().size()).isEqualTo(records.size());
    }

    /** One field of one record pushed past a limit, and where its failure is reported. */
    enum Mutation {
        DIMENSION_NAME_OF_61_BYTES(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return withExtraDimension(record, DimensionInput.of("d".repeat(61), "v"));
            }

            @Override
            String expectedMessagePart(int index) {
                return "at 'records." + (index + 1) + ".member.dimensions.1.member.name' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 60";
            }
        },
        EMPTY_DIMENSION_VALUE(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return withExtraDimension(record, DimensionInput.of("d_0", ""));
            }

            @Override
            String expectedMessagePart(int index) {
                return "at 'records." + (index + 1) + ".member.dimensions.1.member.value' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1";
            }
        },
        REPEATED_DIMENSION(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return withExtraDimension(withExtraDimension(record, DimensionInput.of("d_0", "a")),
                        DimensionInput.of("d_0", "b"));
            }

            @Override
            String expectedMessagePart(int index) {
                return "at 'records." + (index + 1) + ".member.dimensions.2.member.name' failed to satisfy constraint: "
                        + "Member must be unique within the record";
            }
        },
        VERSION_ZERO(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().version(0L).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "Value '0' at 'records." + (index + 1) + ".member.version' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 1";
            }
        },
        TIME_NOT_A_NUMBER(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().time("17e11").build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "Invalid time for record.";
            }
        },
        TIME_OVERFLOWS(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                long perUnit = NANOS_PER_UNIT.get(record.timeUnit() == null ? "MILLISECONDS" : record.timeUnit());
                return record.toBuilder().time(Long.toString(Long.MAX_VALUE / perUnit + 1)).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "Invalid time for record.";
            }
        },
        LOWERCASE_TYPE(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().measureValueType("double").build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "at 'records." + (index + 1) + ".member.measureValueType' failed to satisfy constraint: Member "
                        + "must satisfy enum value set";
            }
        },
        TOO_MANY_RECORDS(true) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record;
            }

            @Override
            String expectedMessagePart(int index) {
                return "Value '[101 items]' at 'records' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 100";
            }
        },
        MEASURE_NAME_OF_257_BYTES(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().measureName("m".repeat(257)).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "MeasureName is 257 bytes long";
            }
        },
        DOUBLE_NAN(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().measureValueType("DOUBLE").measureValue("NaN").measureValues(NO_VALUES).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "Measure value 'NaN' is not a valid DOUBLE";
            }
        },
        BIGINT_OUT_OF_RANGE(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().measureValueType("BIGINT").measureValue("-9223372036854775809")
                        .measureValues(NO_VALUES).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "Measure value '-9223372036854775809' is not a valid BIGINT";
            }
        },
        RESERVED_DIMENSION_NAME(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return withExtraDimension(record, DimensionInput.of("ts_0", "v"));
            }

            @Override
            String expectedMessagePart(int index) {
                return "Dimension name 'ts_0' is reserved";
            }
        },
        TOO_MANY_MEASURE_VALUES(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                List<MeasureValueInput> values = new ArrayList<>();
                for (int i = 0; i < 257; i++) {
                    values.add(MeasureValueInput.of("a" + index + "_z" + i, "1", "BIGINT"));
                }
                return record.toBuilder().measureValueType("MULTI").measureValue(null).measureValues(values).build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "A MULTI record can have at most 256 MeasureValues; it has 257.";
            }
        },
        RECORD_OVER_2048_BYTES(false) {
            @Override
            RecordInput apply(RecordInput record, int index) {
                return record.toBuilder().measureValueType("VARCHAR").measureValue("x".repeat(2048)).measureValues(NO_VALUES)
                        .build();
            }

            @Override
            String expectedMessagePart(int index) {
                return "which exceeds the maximum record size of 2048 bytes";
            }
        };

        final boolean invalidatesRequest;

        Mutation(boolean invalidatesRequest) {
            this.invalidatesRequest = invalidatesRequest;
        }

        abstract RecordInput apply(RecordInput record, int index);

        abstract String expectedMessagePart(int index);

        private static RecordInput withExtraDimension(RecordInput record, DimensionInput dimension) {
            List<DimensionInput> dimensions = new ArrayList<>();
            dimensions.add(dimension);
            if (record.dimensions() != null) {
                dimensions.addAll(record.dimensions());
            }
            return record.toBuilder().dimensions(dimensions).build();
        }
    }

    @Provide
    Arbitrary<List<RecordInput>> validRequests() {
        return validRecord().list().ofMinSize(1).ofMaxSize(8).map(WriteRecordsValidatorPropertyTest::numbered);
    }

    /** Gives every record its own measure and attribute names so records of one request never conflict. */
    private static List<RecordInput> numbered(List<RecordInput> records) {
        List<RecordInput> numbered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordInput record = records.get(i);
            String prefix = Integer.toString(i);
            List<MeasureValueInput> values = record.measureValues() == null ? null : record.measureValues().stream()
                    .map(value -> new MeasureValueInput("a" + prefix + value.name(), value.value(), value.type()))
                    .toList();
            numbered.add(record.toBuilder().measureName("m" + prefix + record.measureName()).measureValues(values)
                    .build());
        }
        return numbered;
    }

    private Arbitrary<RecordInput> validRecord() {
        Arbitrary<String> unit = Arbitraries.of("MILLISECONDS", "SECONDS", "MICROSECONDS", "NANOSECONDS").injectNull(0.25);
        return unit.flatMap(timeUnit -> {
            long perUnit = NANOS_PER_UNIT.get(timeUnit == null ? "MILLISECONDS" : timeUnit);
            Arbitrary<String> time = Arbitraries.longs().between(0, Long.MAX_VALUE / perUnit).map(Object::toString);
            Arbitrary<Long> version = Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.3);
            return Combinators.combine(dimensions(), names("_"), measure(perUnit), time, version)
                    .as((dimensions, name, measure, when, recordVersion) -> measure.toBuilder()
                            .dimensions(dimensions)
                            .measureName(name)
                            .time(when)
                            .timeUnit(timeUnit)
                            .version(recordVersion)
                            .build());
        });
    }

    private static Arbitrary<List<DimensionInput>> dimensions() {
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '\u07FF').ofMinLength(1).ofMaxLength(30);
        return Combinators.combine(names("d_"), values).as(DimensionInput::of)
                .list().ofMaxSize(5).uniqueElements(DimensionInput::name);
    }

    private static Arbitrary<String> names(String prefix) {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20).map(name -> prefix + name);
    }

    /** A record holding only its measure fields (type, value or values). */
    private static Arbitrary<RecordInput> measure(long nanosPerUnit) {
        Arbitrary<RecordInput> single = Arbitraries.of("DOUBLE", "BIGINT", "VARCHAR", "BOOLEAN").flatMap(type ->
                scalarText(type, nanosPerUnit).map(text -> RecordInput.builder()
                        .measureValueType(type.equals("DOUBLE") && text.hashCode() % 2 == 0 ? null : type)
                        .measureValue(text)
                        .build()));
        Arbitrary<MeasureValueInput> value = Arbitraries.of("DOUBLE", "BIGINT", "VARCHAR", "BOOLEAN", "TIMESTAMP")
                .flatMap(type -> Combinators.combine(names("_"), scalarText(type, nanosPerUnit))
                        .as((name, text) -> MeasureValueInput.of(name, text, type)));
        Arbitrary<RecordInput> multi = value.list().ofMinSize(1).ofMaxSize(6).uniqueElements(MeasureValueInput::name)
                .map(values -> RecordInput.builder().measureValueType("MULTI").measureValues(values).build());
        return Arbitraries.oneOf(single, multi);
    }

    private static Arbitrary<String> scalarText(String type, long nanosPerUnit) {
        return switch (type) {
            case "DOUBLE" -> Arbitraries.oneOf(
                    Arbitraries.doubles().map(Object::toString),
                    Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e9), BigDecimal.valueOf(1e9)).ofScale(4)
                            .map(BigDecimal::toPlainString),
                    Arbitraries.of("1e3", "-2.5E-3", ".5", "7."));
            case "BIGINT" -> Arbitraries.longs().map(Object::toString);
            case "VARCHAR" -> Arbitraries.strings().withCharRange(' ', '\u07FF').ofMinLength(1).ofMaxLength(100);
            case "BOOLEAN" -> Arbitraries.of("true", "false", "TRUE", "False");
            case "TIMESTAMP" -> Arbitraries.longs().between(0, Long.MAX_VALUE / nanosPerUnit).map(Object::toString);
            default -> throw new IllegalArgumentException(type);
        };
    }

    @Provide
    Arbitrary<String> junkNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just(DATABASE)),
                Tuple.of(1, Arbitraries.of("", "db", "no spaces")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    @Provide
    Arbitrary<List<RecordInput>> junkRecords() {
        return Arbitraries.frequencyOf(
                Tuple.of(50, junkRecord().list().ofMinSize(1).ofMaxSize(6)),
                Tuple.of(1, junkRecord().injectNull(0.2).list().ofMaxSize(6).injectNull(0.2)));
    }

    /**
     * Records that are mostly well-formed on the wire (so they reach per-record judgment) but
     * carry every kind of semantically wrong content, with a little structural junk mixed in.
     */
    @Provide
    Arbitrary<RecordInput> junkRecord() {
        Arbitrary<String> dimensionName = rarely(Arbitraries.oneOf(names("d_"),
                Arbitraries.of("d_key", "time", "ts_x", "a:b", "measure_value", "m", "x".repeat(60))),
                Arbitraries.of("", "x".repeat(61)));
        Arbitrary<String> dimensionValue = rarely(Arbitraries.strings().ofMinLength(1).ofMaxLength(1200), Arbitraries.of(""));
        Arbitrary<String> dimensionType = rarely(Arbitraries.just(null), Arbitraries.of("VARCHAR", "BIGINT"));
        Arbitrary<List<DimensionInput>> dimensions = Combinators.combine(dimensionName, dimensionValue, dimensionType)
                .as(DimensionInput::new).list().ofMaxSize(4).uniqueElements(DimensionInput::name).injectNull(0.2);
        Arbitrary<String> measureName = Arbitraries.oneOf(names("m"), Arbitraries.of("m".repeat(257), "d_key", "é"))
                .injectNull(0.1);
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25),
                Arbitraries.of("NaN", "Infinity", "1e400", "-1", "0", "1.5", "9223372036854775808", "true", "TRUE",
                        "yes", "1700000000000", "x".repeat(2048), "€".repeat(1000)));
        Arbitrary<String> valueType = rarely(
                Arbitraries.of("DOUBLE", "BIGINT", "VARCHAR", "BOOLEAN", "MULTI").injectNull(0.2),
                Arbitraries.of("TIMESTAMP", "double"));
        Arbitrary<String> attributeType = rarely(Arbitraries.of("DOUBLE", "BIGINT", "VARCHAR", "BOOLEAN", "TIMESTAMP"),
                Arbitraries.of("MULTI", "bigint"));
        Arbitrary<String> attributeName = Arbitraries.oneOf(names("a"), Arbitraries.of("a", "d_key", "ts_a", "a".repeat(257)));
        Arbitrary<List<MeasureValueInput>> values = Combinators.combine(attributeName, scalar, attributeType)
                .as(MeasureValueInput::new).list().ofMaxSize(5).injectNull(0.4);
        Arbitrary<String> valueText = Arbitraries.oneOf(scalar, Arbitraries.of("1", "2.5", "true")).injectNull(0.3);
        Arbitrary<String> time = rarely(
                // Within range for every unit, so the request survives to per-record judgment.
                Arbitraries.longs().between(0, 9_223_372_036L).map(Object::toString).injectNull(0.1),
                Arbitraries.of("abc", "-1", "", "99999999999999999999"));
        Arbitrary<String> timeUnit = rarely(
                Arbitraries.of("MILLISECONDS", "SECONDS", "MICROSECONDS", "NANOSECONDS").injectNull(0.5),
                Arbitraries.of("ms"));
        Arbitrary<Long> version = rarely(Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.5),
                Arbitraries.of(0L, -1L));
        return Combinators.combine(dimensions, measureName, valueText, valueType, values, time, timeUnit,
                version).as(RecordInput::new);
    }

    @Provide
    Arbitrary<RecordInput> junkCommon() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(RecordInput.EMPTY)), Tuple.of(1, junkRecord()));
    }

    /** Mostly {@code usual}, one time in a hundred {@code unusual}. */
    private static <T> Arbitrary<T> rarely(Arbitrary<T> usual, Arbitrary<T> unusual) {
        return Arbitraries.frequencyOf(Tuple.of(99, usual), Tuple.of(1, unusual));
    }

    private WriteValidation validate(List<RecordInput> records) {
        return validator.validate(WriteRecordsInput.of(DATABASE, TABLE, records), TABLE_DEFINITION, TableSchema.EMPTY);
    }

    private static TableDefinition tableRequiring(String dimension) {
        return new TableDefinition(DatabaseName.of(DATABASE), TableName.of(TABLE), RetentionProperties.DEFAULT,
                MagneticStoreWriteProperties.DISABLED,
                CompositePartitionKey.of(PartitionKey.dimension(dimension, PartitionKeyEnforcement.REQUIRED)), Tags.NONE);
    }

    private static void assertMatches(RecordInput input, Record record) {
        Map<String, String> dimensions = input.dimensions() == null ? Map.of() : input.dimensions().stream()
                .collect(Collectors.toMap(DimensionInput::name, DimensionInput::value));
        assertThat(record.dimensions().stream().collect(Collectors.toMap(Dimension::name, Dimension::value)))
                .isEqualTo(dimensions);
        assertThat(record.measureName().value()).isEqualTo(input.measureName());
        long perUnit = NANOS_PER_UNIT.get(input.timeUnit() == null ? "MILLISECONDS" : input.timeUnit());
        assertThat(BigInteger.valueOf(record.time()))
                .isEqualTo(new BigInteger(input.time()).multiply(BigInteger.valueOf(perUnit)));
        assertThat(record.version()).isEqualTo(input.version() == null ? 1 : input.version());
        String type = input.measureValueType() == null ? "DOUBLE" : input.measureValueType();
        assertThat(record.measure().type()).isEqualTo(MeasureValueType.valueOf(type));
        if (record.measure() instanceof MultiMeasure multi) {
            Map<String, MeasureValue> expected = new HashMap<>();
            input.measureValues().forEach(value ->
                    expected.put(value.name(), expectedValue(value.type(), value.value(), perUnit)));
            assertThat(multi.attributes().stream()
                    .collect(Collectors.toMap(MeasureAttribute::name, MeasureAttribute::value))).isEqualTo(expected);
        } else {
            assertThat(record.measure()).isEqualTo(expectedValue(type, input.measureValue(), perUnit));
        }
    }

    private static MeasureValue expectedValue(String type, String text, long nanosPerUnit) {
        return switch (type) {
            case "DOUBLE" -> new DoubleValue(new BigDecimal(text.endsWith(".") ? text + "0" : text).doubleValue());
            case "BIGINT" -> new BigintValue(new BigInteger(text).longValueExact());
            case "VARCHAR" -> new VarcharValue(text);
            case "BOOLEAN" -> new BooleanValue(text.equalsIgnoreCase("true"));
            case "TIMESTAMP" -> new TimestampValue(
                    new BigInteger(text).multiply(BigInteger.valueOf(nanosPerUnit)).longValueExact());
            default -> throw new IllegalArgumentException(type);
        };
    }
}
