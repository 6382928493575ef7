package io.strata.core.write;

import io.strata.core.model.ConstraintViolation;
import io.strata.core.model.ConstraintViolations;
import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A WriteRecords request's {@code CommonAttributes}: a record-shaped set of fields shared by every
 * record of the request.
 *
 * <p>Merging, as Timestream does it: dimensions combine (common first, then the record's) and may
 * not repeat a name — a record repeating a common dimension makes the request invalid
 * (ValidationException). [U] For every other field the record's own value wins when both are set
 * (Timestream only says the fields are "shared"; its samples set Time/TimeUnit/type in common and
 * name/value per record). An empty {@code MeasureValues} list counts as not set.
 */
public record CommonAttributes(RecordInput attributes) {
    public static final CommonAttributes NONE = new CommonAttributes(RecordInput.EMPTY);

    public CommonAttributes {
        Objects.requireNonNull(attributes, "attributes");
    }

    /**
     * {@code record} with the common attributes merged in.
     *
     * <p>Expects both sides to have passed the request's structural checks (see
     * {@link WriteRecordsValidator#checkRequest}); null entries are carried over unchanged.
     *
     * @param recordIndex the record's zero-based index, for the error's member path
     * @throws ValidationException if the record repeats a common dimension name
     */
    public RecordInput applyTo(RecordInput record, int recordIndex) {
        if (this == NONE || attributes.equals(RecordInput.EMPTY)) {
            return record;
        }
        return new RecordInput(
                mergeDimensions(record.dimensions(), recordIndex),
                first(record.measureName(), attributes.measureName()),
                first(record.measureValue(), attributes.measureValue()),
                first(record.measureValueType(), attributes.measureValueType()),
                record.measureValues() != null && !record.measureValues().isEmpty()
                        ? record.measureValues()
                        : attributes.measureValues(),
                first(record.time(), attributes.time()),
                first(record.timeUnit(), attributes.timeUnit()),
                first(record.version(), attributes.version()));
    }

    private List<DimensionInput> mergeDimensions(List<DimensionInput> own, int recordIndex) {
        List<DimensionInput> common = attributes.dimensions();
        if (common == null || common.isEmpty()) {
            return own;
        }
        if (own == null || own.isEmpty()) {
            return common;
        }
        Set<String> commonNames = new HashSet<>();
        for (DimensionInput dimension : common) {
            if (dimension != null) {
                commonNames.add(dimension.name());
            }
        }
        List<DimensionInput> merged = new ArrayList<>(common.size() + own.size());
        merged.addAll(common);
        for (int i = 0; i < own.size(); i++) {
            DimensionInput dimension = own.get(i);
            if (dimension != null && dimension.name() != null && commonNames.contains(dimension.name())) {
                throw ConstraintViolations.toException(ConstraintViolation.rule(dimension.name(),
                        "records." + (recordIndex + 1) + ".member.dimensions." + (i + 1) + ".member.name",
                        "Member must not repeat a dimension name of CommonAttributes; "
                                + "a record must contain dimensions with unique names"));
            }
            merged.add(dimension);
        }
        return merged;
    }

    private static <T> T first(T own, T common) {
        return own != null ? own : common;
    }
}
