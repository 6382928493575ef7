package io.strata.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code strata server} reads the clock skew a test (or the chaos harness) gives a node. */
class ServerCommandTest {
    private static final String[] REQUIRED = {"--zone", "a", "--zookeeper", "127.0.0.1:2181"};

    @Test
    void theClockRunsTrueUnlessToldOtherwise() {
        assertThat(parse().clockSkew).isZero();
    }

    @Test
    void clockSkewIsAnIsoDurationEitherWay() {
        assertThat(parse("--clock-skew", "PT-7M").clockSkew).isEqualTo(Duration.ofMinutes(-7));
        assertThat(parse("--clock-skew", "PT1H30S").clockSkew).isEqualTo(Duration.ofHours(1).plusSeconds(30));
        assertThatThrownBy(() -> parse("--clock-skew", "7 minutes")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void theSystemPropertyGivesTheDefaultSoStrataJavaOptsCanSetIt() {
        String before = System.getProperty(ServerCommand.CLOCK_SKEW_PROPERTY);
        System.setProperty(ServerCommand.CLOCK_SKEW_PROPERTY, "PT6M13S");
        try {
            assertThat(parse().clockSkew).isEqualTo(Duration.ofMinutes(6).plusSeconds(13));
            assertThat(parse("--clock-skew", "PT0S").clockSkew).as("the option wins").isZero();
        } finally {
            if (before == null) {
                System.clearProperty(ServerCommand.CLOCK_SKEW_PROPERTY);
            } else {
                System.setProperty(ServerCommand.CLOCK_SKEW_PROPERTY, before);
            }
        }
    }

    private static ServerCommand parse(String... options) {
        String[] arguments = new String[REQUIRED.length + options.length];
        System.arraycopy(REQUIRED, 0, arguments, 0, REQUIRED.length);
        System.arraycopy(options, 0, arguments, REQUIRED.length, options.length);
        return CommandLine.populateCommand(new ServerCommand(), arguments);
    }
}
