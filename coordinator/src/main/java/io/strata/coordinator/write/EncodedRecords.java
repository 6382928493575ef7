package io.strata.coordinator.write;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One write's records for one group, already in their wire form inside a {@link WriteBatch}
 * (each a {@code records} field), so that combining writes into one entry concatenates bytes
 * instead of re-encoding records.
 *
 * @param bytes the {@code WriteBatch.records} fields, in request order
 * @param count how many records
 */
record EncodedRecords(ByteString bytes, int count) {

    EncodedRecords {
        if (count < 1) {
            throw new IllegalArgumentException("a write carries at least one record to a group: " + count);
        }
    }

    /** Collects the records of one write for one group. Not thread-safe: one request's routing loop. */
    static final class Builder {
        private final ByteString.Output buffer = ByteString.newOutput(4096);
        private final CodedOutputStream output = CodedOutputStream.newInstance(buffer, 4096);
        private int count;

        Builder add(StoredRecord record) {
            try {
                output.writeMessage(WriteBatch.RECORDS_FIELD_NUMBER, record);
            } catch (IOException inMemory) {
                throw new UncheckedIOException(inMemory);
            }
            count++;
            return this;
        }

        EncodedRecords build() {
            try {
                output.flush();
            } catch (IOException inMemory) {
                throw new UncheckedIOException(inMemory);
            }
            return new EncodedRecords(buffer.toByteString(), count);
        }
    }
}
