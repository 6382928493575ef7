package io.strata.coordinator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceArnsTest {
    private final ResourceArns arns = new ResourceArns("eu-west-1", "123456789012");

    @Test
    void databaseAndTableArnsRoundTrip() {
        assertThat(arns.database("db.1")).isEqualTo("arn:aws:timestream:eu-west-1:123456789012:database/db.1");
        assertThat(arns.parse(arns.database("db.1"))).isEqualTo(new ResourceArns.ResourceArn("db.1", Optional.empty()));
        assertThat(arns.parse(arns.table("db.1", "t-2")))
                .isEqualTo(new ResourceArns.ResourceArn("db.1", Optional.of("t-2")));
    }

    @Test
    void foreignOrMalformedArnsAreValidationErrors() {
        for (String arn : List.of("", "arn:aws:timestream:us-east-1:123456789012:database/db",
                "arn:aws:timestream:eu-west-1:123456789012:database/", "arn:aws:timestream:eu-west-1:123456789012:database/db/table/",
                "arn:aws:timestream:eu-west-1:123456789012:scheduled-query/q")) {
            assertThatThrownBy(() -> arns.parse(arn)).as(arn).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void pagesFollowNameOrderAcrossTokens() {
        List<String> keys = List.of("a", "b", "c", "d", "e");
        Pagination.Page<String> first = Pagination.page(keys, Optional.empty(), 2, Optional::of);
        assertThat(first.items()).containsExactly("a", "b");
        Pagination.Page<String> second = Pagination.page(keys, Pagination.startAfter(first.nextToken()), 2, Optional::of);
        assertThat(second.items()).containsExactly("c", "d");
        Pagination.Page<String> last = Pagination.page(keys, Pagination.startAfter(second.nextToken()), 2, Optional::of);
        assertThat(last.items()).containsExactly("e");
        assertThat(last.nextToken()).isEmpty();
        assertThatThrownBy(() -> Pagination.pageSize(Optional.of(0))).isInstanceOf(ValidationException.class);
    }
}
