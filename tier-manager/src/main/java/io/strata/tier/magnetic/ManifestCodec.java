package io.strata.tier.magnetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest as a small JSON document (readable by an operator), written field by field in a fixed
 * order so that equal manifests are equal bytes on every replica.
 */
final class ManifestCodec {
    static final int FORMAT = 1;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestCodec() {
    }

    static byte[] encode(Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 160 * manifest.segments().size());
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeNumberField("generation", manifest.generation());
            json.writeNumberField("raftIndex", manifest.raftIndex());
            json.writeArrayFieldStart("segments");
            for (SegmentDescriptor segment : manifest.segments()) {
                json.writeStartObject();
                json.writeStringField("key", segment.key());
                json.writeNumberField("minTime", segment.minTime());
                json.writeNumberField("maxTime", segment.maxTime());
                json.writeNumberField("rowCount", segment.rowCount());
                json.writeNumberField("sizeBytes", segment.sizeBytes());
                json.writeNumberField("level", segment.level());
                json.writeNumberField("sequence", segment.sequence());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Manifest decode(byte[] bytes) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        int format = required(root, "format").asInt();
        if (format != FORMAT) {
            throw new IOException("manifest format " + format + ", this reader knows " + FORMAT);
        }
        List<SegmentDescriptor> segments = new ArrayList<>();
        for (JsonNode segment : required(root, "segments")) {
            segments.add(new SegmentDescriptor(required(segment, "key").asText(),
                    required(segment, "minTime").asLong(), required(segment, "maxTime").asLong(),
                    required(segment, "rowCount").asLong(), required(segment, "sizeBytes").asLong(),
                    required(segment, "level").asInt(), required(segment, "sequence").asLong()));
        }
        return new Manifest(required(root, "generation").asLong(), required(root, "raftIndex").asLong(), segments);
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("manifest lacks '" + field + "'");
        }
        return value;
    }
}
