package io.strata.http.signature;

import io.strata.core.error.AccessDeniedException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/timestream/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<hex>}.
 *
 * @param accessKeyId the key the client claims to sign with
 * @param scopeDate the credential scope's date, {@code yyyyMMdd}
 * @param region the credential scope's region (any region is accepted)
 * @param service the credential scope's service
 * @param signedHeaders lower-case header names, in the order the client listed them
 * @param signature the hex signature the client computed
 */
public record AuthorizationHeader(
        String accessKeyId, String scopeDate, String region, String service, List<String> signedHeaders,
        String signature) {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    public AuthorizationHeader {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(scopeDate, "scopeDate");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(signature, "signature");
    }

    /** The credential scope as it enters the string to sign. */
    public String credentialScope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }

    /** @throws AccessDeniedException naming what is wrong with the header */
    public static AuthorizationHeader parse(String header) {
        String value = header.strip();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw new AccessDeniedException("Unsupported Authorization header: only " + ALGORITHM + " is accepted.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : value.substring(ALGORITHM.length()).split(",")) {
            String component = part.strip();
            int equals = component.indexOf('=');
            if (equals < 0) {
                throw malformed();
            }
            String name = component.substring(0, equals);
            String content = component.substring(equals + 1);
            switch (name) {
                case "Credential" -> credential = content;
                case "SignedHeaders" -> signedHeaders = content;
                case "Signature" -> signature = content;
                default -> throw malformed();
            }
        }
        if (credential == null || signedHeaders == null || signature == null
                || signedHeaders.isEmpty() || signature.isEmpty()) {
            throw malformed();
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty() || !scope[4].equals("aws4_request")) {
            throw new AccessDeniedException("Credential should be scoped to a valid region, like "
                    + "'AKID/20260101/us-east-1/timestream/aws4_request'.");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3],
                Arrays.asList(signedHeaders.split(";")), signature);
    }

    private static AccessDeniedException malformed() {
        return new AccessDeniedException("Authorization header requires 'Credential', 'SignedHeaders' and "
                + "'Signature' parameters.");
    }
}
