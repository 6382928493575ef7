package io.strata.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void keyIs1To128Characters() {
        assertThat(new Tag("k".repeat(128), "v").key()).hasSize(128);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new Tag("k".repeat(129), "v"))
                .withMessageEndingWith("at 'tag.key' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 128");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new Tag("", "v"))
                .withMessage("1 validation error detected: Value '' at 'tag.key' failed to satisfy constraint: Member "
                        + "must have length greater than or equal to 1");
    }

    @Test
    void valueIs0To256Characters() {
        assertThat(new Tag("k", "").value()).isEmpty();
        assertThat(new Tag("k", "v".repeat(256)).value()).hasSize(256);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new Tag("k", "v".repeat(257)))
                .withMessageEndingWith("at 'tag.value' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 256");
    }

    @Test
    void atMost200TagsWithUniqueKeys() {
        assertThat(new Tags(tags(200)).tags()).hasSize(200);
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> new Tags(tags(201)))
                .withMessage("1 validation error detected: Value '[201 items]' at 'tags' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 200");
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> Tags.of(new Tag("team", "a"), new Tag("team", "b")))
                .withMessage("Tag key 'team' appears more than once; tag keys must be unique.");
    }

    private static List<Tag> tags(int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(new Tag("key" + i, "value"));
        }
        return tags;
    }
}
