package io.strata.core.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WriteRecords request exactly as a client sent it: names unchecked, common attributes possibly
 * absent (null), records possibly null or containing nulls.
 */
public record WriteRecordsInput(
        String databaseName, String tableName, CommonAttributes commonAttributes, List<RecordInput> records) {
    public WriteRecordsInput {
        commonAttributes = commonAttributes == null ? CommonAttributes.NONE : commonAttributes;
        records = records == null ? null : Collections.unmodifiableList(new ArrayList<>(records));
    }

    public static WriteRecordsInput of(String databaseName, String tableName, List<RecordInput> records) {
        return new WriteRecordsInput(databaseName, tableName, CommonAttributes.NONE, records);
    }
}
