package io.strata.http.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete HTTP request as it came off the wire, independent of the server library.
 *
 * @param method the HTTP method, upper case as sent
 * @param uri the request target as sent (raw path plus optional {@code ?query}, still percent-encoded)
 * @param headers header name in lower case → values in arrival order
 * @param body the body bytes; not copied, owned by this request
 */
public record ReceivedRequest(String method, String uri, Map<String, List<String>> headers, byte[] body) {
    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every value of header {@code name} (any case), in arrival order. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The raw path, without the query. */
    public String path() {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The raw query string after {@code ?}, or "" when there is none. */
    public String query() {
        int query = uri.indexOf('?');
        return query < 0 ? "" : uri.substring(query + 1);
    }
}
