package io.strata.http.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The constants of AWS JSON 1.0 as Timestream speaks it, and the one JSON mapper of the endpoint. */
public final class AwsJsonProtocol {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** {@code X-Amz-Target} is this prefix plus the operation name; the same for both APIs. */
    public static final String TARGET_PREFIX = "Timestream_20181101.";
    public static final String TARGET_HEADER = "x-amz-target";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** The SDKs read the error name from this header before the body's {@code __type}. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /**
     * Strict where ambiguity could hide a client bug (trailing garbage, duplicate members) and
     * shallow: Timestream's deepest request nests a handful of levels, so deep nesting is an attack.
     * Thread-safe once built.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AwsJsonProtocol() {
    }
}
