package io.strata.raft.shard;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.FragmentResult;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The read-only request a {@link ShardStoreReplica} answers on Raft's read-index path (a
 * linearizable read: it sees every write acknowledged before it): one {@link ScanRequest} in, the
 * scanned rows out. Until plan fragments have their own encoding this is the shard's query.
 *
 * <p><b>Request</b> (format {@value #FORMAT_VERSION}, {@link DataOutputStream} encoding): the
 * format version; table id; from and to nanoseconds; batch rows; the columns (name, type, role);
 * the dimension predicates (name, accepted values) and the measure names, both sorted so equal
 * requests are equal bytes. <b>Reply</b>: length-delimited {@link FragmentResult}s, one per
 * batch, the last also carrying the bytes the scan read.
 *
 * <p>Stateless; every method is safe from any thread.
 */
public final class ShardScanQuery {
    static final int FORMAT_VERSION = 1;

    private ShardScanQuery() {}

    /** The request bytes asking for {@code request}'s rows. */
    public static byte[] request(ScanRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(request.tableId());
            out.writeLong(request.fromNanos());
            out.writeLong(request.toNanos());
            out.writeInt(request.batchRows());
            out.writeInt(request.columns().size());
            for (TableColumn column : request.columns()) {
                out.writeUTF(column.name());
                out.writeUTF(column.type().name());
                out.writeUTF(column.role().name());
            }
            Map<String, Set<String>> dimensions = new TreeMap<>(request.dimensionValues());
            out.writeInt(dimensions.size());
            for (Map.Entry<String, Set<String>> dimension : dimensions.entrySet()) {
                out.writeUTF(dimension.getKey());
                writeStrings(out, dimension.getValue());
            }
            writeStrings(out, request.measureNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Runs the request on {@code scanner} and encodes the batches as the reply. */
    static byte[] answer(byte[] request, Function<ScanRequest, ShardScan> scanner) {
        ShardScan scan = scanner.apply(decode(request));
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try {
            long reported = 0;
            while (scan.hasNext()) {
                ColumnBatch batch = scan.next();
                long scanned = scan.bytesScanned();
                FragmentResult.newBuilder().setBatch(ColumnBatchMessages.toMessage(batch))
                        .setBytesScanned(scanned - reported).build().writeDelimitedTo(reply);
                reported = scanned;
            }
            if (scan.bytesScanned() > reported) {
                FragmentResult.newBuilder().setBytesScanned(scan.bytesScanned() - reported).build()
                        .writeDelimitedTo(reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply.toByteArray();
    }

    /** The batches of a reply, in scan order. */
    public static List<ColumnBatch> batches(byte[] reply) {
        List<ColumnBatch> batches = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(reply);
        try {
            FragmentResult result;
            while ((result = FragmentResult.parseDelimitedFrom(in)) != null) {
                if (result.hasBatch()) {
                    batches.add(ColumnBatchMessages.fromMessage(result.getBatch()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batches;
    }

    static ScanRequest decode(byte[] request) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(request))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new ValidationException("Unknown shard scan request format " + version + ".");
            }
            String tableId = in.readUTF();
            long from = in.readLong();
            long to = in.readLong();
            int batchRows = in.readInt();
            int columnCount = in.readInt();
            List<TableColumn> columns = new ArrayList<>(columnCount);
            for (int i = 0; i < columnCount; i++) {
                columns.add(new TableColumn(in.readUTF(), ColumnType.valueOf(in.readUTF()),
                        ColumnRole.valueOf(in.readUTF())));
            }
            int dimensionCount = in.readInt();
            Map<String, Set<String>> dimensions = new TreeMap<>();
            for (int i = 0; i < dimensionCount; i++) {
                dimensions.put(in.readUTF(), readStrings(in));
            }
            Set<String> measureNames = readStrings(in);
            if (in.available() > 0) {
                throw new ValidationException("The shard scan request has trailing bytes.");
            }
            return new ScanRequest(tableId, columns, from, to, dimensions, measureNames, batchRows);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("Unreadable shard scan request: " + e.getMessage());
        }
    }

    private static void writeStrings(DataOutputStream out, Set<String> values) throws IOException {
        Set<String> sorted = new TreeSet<>(values);
        out.writeInt(sorted.size());
        for (String value : sorted) {
            out.writeUTF(value);
        }
    }

    private static Set<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative count " + count);
        }
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
