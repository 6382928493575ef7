package io.strata.http.signature;

import io.strata.core.error.AccessDeniedException;
import io.strata.http.protocol.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on a request, as the AWS SDKs sign Timestream calls: service
 * {@code timestream}, any region (taken from the credential scope), the payload hashed with
 * SHA-256.
 *
 * <p>Every failure is an {@link AccessDeniedException} (403): it is the name in Timestream's
 * error list and the AWS SDKs map it to a typed exception. AWS itself answers
 * InvalidSignatureException or UnrecognizedClientException, which the SDKs only know as generic
 * service errors and, for InvalidSignatureException, treat as a clock-skew hint and retry.
 *
 * <p>Thread-safe: holds only immutable state and creates its MAC per call.
 */
public final class SignatureVerifier {
    public static final String SERVICE = "timestream";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretsByAccessKey;
    private final Duration allowedSkew;
    private final Clock clock;

    public SignatureVerifier(Map<String, String> secretsByAccessKey, Duration allowedSkew, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the access key id whose secret signed the request
     * @throws AccessDeniedException if the request is unsigned, signed with an unknown key or a
     *     wrong secret, or signed too far from now
     */
    public String verify(ReceivedRequest request) {
        String header = request.header("authorization")
                .orElseThrow(() -> new AccessDeniedException("Missing Authentication Token: the request must be "
                        + "signed with AWS Signature Version 4."));
        AuthorizationHeader authorization = AuthorizationHeader.parse(header);
        String secret = secretsByAccessKey.get(authorization.accessKeyId());
        if (secret == null) {
            throw new AccessDeniedException("The security token included in the request is invalid: unknown "
                    + "access key id " + abbreviate(authorization.accessKeyId()) + ".");
        }
        if (!authorization.service().equals(SERVICE)) {
            throw new AccessDeniedException("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        if (!authorization.signedHeaders().contains("host")) {
            throw new AccessDeniedException("'Host' must be a signed header.");
        }
        String amzDate = request.header("x-amz-date")
                .orElseThrow(() -> new AccessDeniedException("Missing X-Amz-Date: signed requests need it."));
        if (!authorization.signedHeaders().contains("x-amz-date")) {
            throw new AccessDeniedException("'X-Amz-Date' must be a signed header.");
        }
        checkTime(amzDate, authorization);

        String payloadHash = payloadHash(request);
        String canonicalRequest = CanonicalRequest.of(request.method(), request.path(), request.query(),
                request.headers(), authorization.signedHeaders(), payloadHash);
        if (canonicalRequest == null) {
            throw new AccessDeniedException("A header named in SignedHeaders is missing from the request.");
        }
        String stringToSign = AuthorizationHeader.ALGORITHM + '\n' + amzDate + '\n' + authorization.credentialScope()
                + '\n' + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = signingKey(secret, authorization.scopeDate(), authorization.region(), SERVICE);
        byte[] expected = hmac(signingKey, stringToSign);
        byte[] provided;
        try {
            provided = HEX.parseHex(authorization.signature());
        } catch (IllegalArgumentException e) {
            provided = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, provided)) {
            throw new AccessDeniedException("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method.");
        }
        return authorization.accessKeyId();
    }

    private void checkTime(String amzDate, AuthorizationHeader authorization) {
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new AccessDeniedException("X-Amz-Date must be in the form yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!amzDate.startsWith(authorization.scopeDate())) {
            throw new AccessDeniedException("Date in Credential scope does not match YYYYMMDD from X-Amz-Date.");
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(allowedSkew) > 0) {
            throw new AccessDeniedException("Signature expired or not yet valid: " + amzDate + " is more than "
                    + allowedSkew.toMinutes() + " minutes from the server time " + AMZ_DATE.format(now) + ".");
        }
    }

    private static String payloadHash(ReceivedRequest request) {
        String actual = HEX.formatHex(sha256(request.body()));
        Optional<String> claimed = request.header("x-amz-content-sha256");
        if (claimed.isEmpty()) {
            return actual;
        }
        if (claimed.get().equals(UNSIGNED_PAYLOAD)) {
            // The header itself is signed; the body is then not covered, as with AWS.
            return UNSIGNED_PAYLOAD;
        }
        if (!claimed.get().equalsIgnoreCase(actual)) {
            throw new AccessDeniedException("The provided x-amz-content-sha256 header does not match what was computed.");
        }
        return claimed.get();
    }

    /** SigV4's key derivation: HMAC chain over date, region, service and "aws4_request". */
    static byte[] signingKey(String secret, String scopeDate, String region, String service) {
        byte[] dateKey = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeDate);
        byte[] regionKey = hmac(dateKey, region);
        byte[] serviceKey = hmac(regionKey, service);
        return hmac(serviceKey, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
