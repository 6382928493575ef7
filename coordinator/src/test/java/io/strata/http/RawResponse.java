package io.strata.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** One HTTP response as read off a {@link RawConnection}. */
record RawResponse(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String errorType() {
        return json().path("__type").asText();
    }

    String message() {
        return json().path("Message").asText();
    }
}
