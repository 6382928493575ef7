package io.strata.query.plan;

import io.strata.core.error.ValidationException;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.SqlType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Shard fragments as bytes for the internal RPC: a magic number, a format version, then the plan
 * tree in prefix order (a tag per node and expression, lengths before lists). A reader refuses
 * a version it does not know, so a coordinator and shards of different releases fail loudly
 * rather than misread a plan. Strings are written as UTF-16 units, so any Java string (including
 * the packed partial states of aggregates) survives. Stateless and thread-safe.
 */
public final class PlanCodec {
    private static final int MAGIC = 0x53545146; // "STQF"
    public static final int VERSION = 2;

    private PlanCodec() {}

    public static byte[] encode(ShardFragment fragment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(fragment.id());
            writeNode(out, fragment.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ShardFragment decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new ValidationException("Not a Strata plan fragment");
            }
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new ValidationException("Plan fragment format version " + version + " is not supported (this node reads "
                        + VERSION + ")");
            }
            int id = in.readInt();
            return new ShardFragment(id, readNode(in));
        } catch (IOException e) {
            throw new ValidationException("Truncated plan fragment", e);
        }
    }

    // ---------------------------------------------------------------- nodes

    private static void writeNode(DataOutputStream out, PlanNode node) throws IOException {
        switch (node) {
            case PlanNode.TableScan scan -> {
                out.writeByte(1);
                writeScanSpec(out, scan.spec());
                writeTypes(out, scan.outputTypes());
            }
            case PlanNode.Filter filter -> {
                out.writeByte(2);
                writeNode(out, filter.source());
                writeExpression(out, filter.predicate());
            }
            case PlanNode.Project project -> {
                out.writeByte(3);
                writeNode(out, project.source());
                writeExpressions(out, project.expressions());
            }
            case PlanNode.Aggregate aggregate -> {
                out.writeByte(4);
                writeNode(out, aggregate.source());
                writeInts(out, aggregate.groupChannels());
                out.writeInt(aggregate.calls().size());
                for (AggregateCall call : aggregate.calls()) {
                    writeString(out, call.name());
                    writeTypes(out, call.argumentTypes());
                    writeInts(out, call.inputChannels());
                    out.writeBoolean(call.distinct());
                }
                out.writeByte(aggregate.step().ordinal());
                writeTypes(out, aggregate.groupTypes());
                out.writeInt(aggregate.callOutputTypes().size());
                for (List<SqlType> types : aggregate.callOutputTypes()) {
                    writeTypes(out, types);
                }
            }
            case PlanNode.Sort sort -> {
                out.writeByte(5);
                writeNode(out, sort.source());
                writeSortKeys(out, sort.keys());
                writeOptionalLong(out, sort.limit());
            }
            case PlanNode.Limit limit -> {
                out.writeByte(6);
                writeNode(out, limit.source());
                out.writeLong(limit.offset());
                writeOptionalLong(out, limit.count());
            }
            case PlanNode.Values values -> {
                out.writeByte(7);
                writeTypes(out, values.outputTypes());
                out.writeInt(values.rows().size());
                for (List<Object> row : values.rows()) {
                    for (Object value : row) {
                        writeValue(out, value);
                    }
                }
            }
            default -> throw new IllegalArgumentException("A shard fragment cannot hold " + node.getClass().getSimpleName());
        }
    }

    private static PlanNode readNode(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 1 -> new PlanNode.TableScan(readScanSpec(in), readTypes(in));
            case 2 -> new PlanNode.Filter(readNode(in), readExpression(in));
            case 3 -> new PlanNode.Project(readNode(in), readExpressions(in));
            case 4 -> {
                PlanNode source = readNode(in);
                List<Integer> groupChannels = readInts(in);
                int callCount = in.readInt();
                List<AggregateCall> calls = new ArrayList<>();
                for (int index = 0; index < callCount; index++) {
                    calls.add(new AggregateCall(readString(in), readTypes(in), readInts(in), in.readBoolean()));
                }
                PlanNode.AggregationStep step = PlanNode.AggregationStep.values()[in.readByte()];
                List<SqlType> groupTypes = readTypes(in);
                int outputCount = in.readInt();
                List<List<SqlType>> outputs = new ArrayList<>();
                for (int index = 0; index < outputCount; index++) {
                    outputs.add(readTypes(in));
                }
                yield new PlanNode.Aggregate(source, groupChannels, calls, step, groupTypes, outputs);
            }
            case 5 -> new PlanNode.Sort(readNode(in), readSortKeys(in), readOptionalLong(in));
            case 6 -> new PlanNode.Limit(readNode(in), in.readLong(), readOptionalLong(in));
            case 7 -> {
                List<SqlType> types = readTypes(in);
                int rowCount = in.readInt();
                List<List<Object>> rows = new ArrayList<>();
                for (int row = 0; row < rowCount; row++) {
                    List<Object> values = new ArrayList<>();
                    for (int column = 0; column < types.size(); column++) {
                        values.add(readValue(in));
                    }
                    rows.add(values);
                }
                yield new PlanNode.Values(types, rows);
            }
            default -> throw new ValidationException("Unknown plan node tag " + tag);
        };
    }

    private static void writeScanSpec(DataOutputStream out, ScanSpec spec) throws IOException {
        writeString(out, spec.table().database());
        writeString(out, spec.table().table());
        writeStrings(out, spec.columns());
        out.writeLong(spec.timeRange().lowest());
        out.writeLong(spec.timeRange().highest());
        out.writeInt(spec.columnValues().size());
        for (Map.Entry<String, Set<String>> entry : spec.columnValues().entrySet()) {
            writeString(out, entry.getKey());
            writeStrings(out, entry.getValue().stream().sorted().toList());
        }
    }

    private static ScanSpec readScanSpec(DataInputStream in) throws IOException {
        TableName table = new TableName(readString(in), readString(in));
        List<String> columns = readStrings(in);
        TimeRange range = new TimeRange(in.readLong(), in.readLong());
        int count = in.readInt();
        Map<String, Set<String>> values = new HashMap<>();
        for (int index = 0; index < count; index++) {
            values.put(readString(in), new HashSet<>(readStrings(in)));
        }
        return new ScanSpec(table, columns, range, values);
    }

    // ---------------------------------------------------------------- expressions

    private static void writeExpressions(DataOutputStream out, List<RowExpression> expressions) throws IOException {
        out.writeInt(expressions.size());
        for (RowExpression expression : expressions) {
            writeExpression(out, expression);
        }
    }

    private static List<RowExpression> readExpressions(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<RowExpression> expressions = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            expressions.add(readExpression(in));
        }
        return expressions;
    }

    private static void writeExpression(DataOutputStream out, RowExpression expression) throws IOException {
        switch (expression) {
            case RowExpression.InputReference reference -> {
                out.writeByte(1);
                out.writeInt(reference.channel());
                writeType(out, reference.type());
            }
            case RowExpression.Constant constant -> {
                out.writeByte(2);
                writeType(out, constant.type());
                writeValue(out, constant.value());
            }
            case RowExpression.Call call -> {
                out.writeByte(3);
                writeString(out, call.name());
                writeType(out, call.type());
                writeExpressions(out, call.arguments());
            }
            case RowExpression.SpecialForm form -> {
                out.writeByte(4);
                out.writeByte(form.form().ordinal());
                writeType(out, form.type());
                writeExpressions(out, form.arguments());
            }
            case RowExpression.Lambda lambda -> {
                out.writeByte(5);
                writeTypes(out, lambda.parameterTypes());
                writeExpression(out, lambda.body());
            }
        }
    }

    private static RowExpression readExpression(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 1 -> new RowExpression.InputReference(in.readInt(), readType(in));
            case 2 -> {
                SqlType type = readType(in);
                yield new RowExpression.Constant(readValue(in), type);
            }
            case 3 -> {
                String name = readString(in);
                SqlType type = readType(in);
                yield new RowExpression.Call(name, readExpressions(in), type);
            }
            case 4 -> {
                RowExpression.Form form = RowExpression.Form.values()[in.readByte()];
                SqlType type = readType(in);
                yield new RowExpression.SpecialForm(form, readExpressions(in), type);
            }
            case 5 -> {
                List<SqlType> parameters = readTypes(in);
                yield new RowExpression.Lambda(parameters, readExpression(in));
            }
            default -> throw new ValidationException("Unknown expression tag " + tag);
        };
    }

    // ---------------------------------------------------------------- primitives

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(0);
            case Long number -> {
                out.writeByte(1);
                out.writeLong(number);
            }
            case Double number -> {
                out.writeByte(2);
                out.writeDouble(number);
            }
            case Boolean flag -> {
                out.writeByte(3);
                out.writeBoolean(flag);
            }
            case String text -> {
                out.writeByte(4);
                writeString(out, text);
            }
            default -> throw new IllegalArgumentException("Unsupported value " + value.getClass());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readLong();
            case 2 -> in.readDouble();
            case 3 -> in.readBoolean();
            case 4 -> readString(in);
            default -> throw new ValidationException("Unknown value tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        out.writeInt(text.length());
        out.writeChars(text);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 28)) {
            throw new ValidationException("Corrupt plan fragment: string of length " + length);
        }
        char[] chars = new char[length];
        for (int index = 0; index < length; index++) {
            chars[index] = in.readChar();
        }
        return new String(chars);
    }

    private static void writeStrings(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            writeString(out, text);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> texts = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            texts.add(readString(in));
        }
        return texts;
    }

    private static void writeTypes(DataOutputStream out, List<SqlType> types) throws IOException {
        out.writeInt(types.size());
        for (SqlType type : types) {
            writeType(out, type);
        }
    }

    private static List<SqlType> readTypes(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<SqlType> types = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            types.add(readType(in));
        }
        return types;
    }

    /** A type: its kind, then for a composite its parameters, each with its row field name. */
    private static void writeType(DataOutputStream out, SqlType type) throws IOException {
        out.writeByte(type.kind().ordinal());
        if (type.isComposite()) {
            out.writeInt(type.parameters().size());
            for (int index = 0; index < type.parameters().size(); index++) {
                writeString(out, type.kind() == SqlType.Kind.ROW ? type.fieldNames().get(index) : "");
                writeType(out, type.parameters().get(index));
            }
        }
    }

    private static SqlType readType(DataInputStream in) throws IOException {
        int ordinal = in.readByte();
        if (ordinal < 0 || ordinal >= SqlType.Kind.values().length) {
            throw new ValidationException("Unknown type tag " + ordinal);
        }
        SqlType.Kind kind = SqlType.Kind.values()[ordinal];
        return switch (kind) {
            case ARRAY, TIMESERIES, ROW, FUNCTION -> {
                int count = in.readInt();
                if (count < 1 || count > 1024) {
                    throw new ValidationException("Corrupt plan fragment: type with " + count + " parameters");
                }
                List<String> names = new ArrayList<>(count);
                List<SqlType> parameters = new ArrayList<>(count);
                for (int index = 0; index < count; index++) {
                    names.add(readString(in));
                    parameters.add(readType(in));
                }
                yield switch (kind) {
                    case ARRAY -> SqlType.array(parameters.getFirst());
                    case TIMESERIES -> SqlType.timeSeries(parameters.getFirst());
                    case ROW -> SqlType.row(names, parameters);
                    default -> SqlType.function(parameters.subList(0, count - 1), parameters.getLast());
                };
            }
            default -> SqlType.ofScalarKind(kind);
        };
    }

    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values.size());
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Integer> values = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            values.add(in.readInt());
        }
        return values;
    }

    private static void writeSortKeys(DataOutputStream out, List<SortKey> keys) throws IOException {
        out.writeInt(keys.size());
        for (SortKey key : keys) {
            out.writeInt(key.channel());
            out.writeBoolean(key.ascending());
            out.writeBoolean(key.nullsFirst());
        }
    }

    private static List<SortKey> readSortKeys(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<SortKey> keys = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            keys.add(new SortKey(in.readInt(), in.readBoolean(), in.readBoolean()));
        }
        return keys;
    }

    private static void writeOptionalLong(DataOutputStream out, OptionalLong value) throws IOException {
        out.writeBoolean(value.isPresent());
        out.writeLong(value.orElse(0));
    }

    private static OptionalLong readOptionalLong(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        long value = in.readLong();
        return present ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
