package io.strata.tier.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "segments/t1/p0/seg-000001.seg", "db=iot/table=cpu/slot=2026-05-23", "A_b.c-d/e1"})
    void acceptsRelativePathsOfSafeCharacters(String value) {
        assertThat(BlobKey.of(value).value()).isEqualTo(value);
        assertThat(BlobKey.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", "..", "a/../b", "a/./b", ".hidden", "a/.put-1.tmp",
            "a b", "a\\b", "é", "a:b", "a?b"})
    void rejectsEverythingElseWithAValidationError(String value) {
        assertThatThrownBy(() -> BlobKey.of(value))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Invalid blob key");
        assertThat(BlobKey.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "segments", "segments/", "segments/t1-", "a/b/"})
    void acceptsPrefixesOfValidKeys(String prefix) {
        assertThat(BlobKey.requireValidPrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "a//", "../", "a/../", "a/.", "a b"})
    void rejectsPrefixesNoKeyCouldHave(String prefix) {
        assertThatThrownBy(() -> BlobKey.requireValidPrefix(prefix)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a/c", "a-b", "a0", "B", "a/b/c"})
    void ordersLikeS3(String other) {
        // S3 lists in UTF-8 byte order; for our ASCII alphabet that is String order, '-' < '/' < '0' < 'A' < 'a'.
        BlobKey key = BlobKey.of("a/b0");
        assertThat(Integer.signum(key.compareTo(BlobKey.of(other))))
                .isEqualTo(Integer.signum(key.value().compareTo(other)));
    }
}
