package io.strata.http.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SigV4's canonical request: the exact string both sides hash, so every rule here follows
 * AWS's signing specification for services other than S3 (path segments encoded a second time,
 * query parameters sorted and strictly encoded, header values trimmed with runs of spaces
 * collapsed, multiple values joined by commas).
 */
final class CanonicalRequest {
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalRequest() {
    }

    /**
     * @param rawPath the path as sent, still percent-encoded
     * @param rawQuery the query as sent, without {@code ?}
     * @param headers lower-case name → values
     * @return the canonical request, or null if a signed header is missing from the request
     */
    static String of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                     List<String> signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(method).append('\n');
        canonical.append(rawPath.isEmpty() ? "/" : uriEncode(rawPath, false)).append('\n');
        canonical.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            if (values == null) {
                return null;
            }
            canonical.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    canonical.append(',');
                }
                canonical.append(SPACES.matcher(values.get(i).strip()).replaceAll(" "));
            }
            canonical.append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash);
        return canonical.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new String[] {
                    uriEncode(percentDecode(name), true), uriEncode(percentDecode(value), true)});
        }
        parameters.sort(Comparator.<String[], String>comparing(parameter -> parameter[0])
                .thenComparing(parameter -> parameter[1]));
        StringBuilder query = new StringBuilder();
        for (String[] parameter : parameters) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(parameter[0]).append('=').append(parameter[1]);
        }
        return query.toString();
    }

    /** RFC 3986 encoding of everything but unreserved characters (and '/' unless {@code encodeSlash}). */
    static String uriEncode(String text, boolean encodeSlash) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        // URLDecoder would turn '+' into a space, which SigV4 does not: protect it first.
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
