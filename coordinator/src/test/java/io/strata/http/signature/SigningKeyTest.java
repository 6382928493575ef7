package io.strata.http.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    /** The worked example of AWS's "Deriving the signing key" documentation page. */
    @Test
    void derivesTheSigningKeyOfAwsDocumentedExample() {
        byte[] key = SignatureVerifier.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void canonicalEncodingKeepsUnreservedCharactersAndEncodesTheRestAsUpperCaseHex() {
        assertThat(CanonicalRequest.uriEncode("a-Z_0.9~/ +é", false)).isEqualTo("a-Z_0.9~/%20%2B%C3%A9");
        assertThat(CanonicalRequest.uriEncode("a/b", true)).isEqualTo("a%2Fb");
    }
}
