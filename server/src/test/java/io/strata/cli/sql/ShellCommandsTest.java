package io.strata.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellCommandsTest {
    @Test
    void describeShortcutsBecomeDescribeWithQuotedNames() {
        assertThat(ShellCommands.interpret("\\d iot.readings")).isEqualTo(new ShellAction.Query("DESCRIBE \"iot\".\"readings\""));
        assertThat(ShellCommands.interpret("describe \"IoTMetrics\".SensorReadings;"))
                .isEqualTo(new ShellAction.Query("DESCRIBE \"IoTMetrics\".\"SensorReadings\""));
        assertThat(ShellCommands.interpret("\\d")).isEqualTo(new ShellAction.Query("SHOW DATABASES"));
    }

    @Test
    void tableListingsBecomeShowTables() {
        assertThat(ShellCommands.interpret("\\dt")).isEqualTo(new ShellAction.Query("SHOW TABLES"));
        assertThat(ShellCommands.interpret("\\dt iot")).isEqualTo(new ShellAction.Query("SHOW TABLES FROM \"iot\""));
        assertThat(ShellCommands.interpret("show tables from iot")).isEqualTo(new ShellAction.Query("show tables from iot"));
    }

    @Test
    void quitHelpAndUnknownCommands() {
        assertThat(ShellCommands.interpret("\\q")).isEqualTo(new ShellAction.Quit());
        assertThat(ShellCommands.interpret("QUIT;")).isEqualTo(new ShellAction.Quit());
        assertThat(ShellCommands.interpret("\\?")).isEqualTo(new ShellAction.Help());
        assertThat(ShellCommands.interpret("\\x")).isInstanceOf(ShellAction.Unknown.class);
    }

    @Test
    void shellCommandsEndAtTheLineSqlAtItsSemicolon() {
        assertThat(ShellCommands.isLineCommand("\\d iot.readings")).isTrue();
        assertThat(ShellCommands.isLineCommand("show tables")).isTrue();
        assertThat(ShellCommands.isLineCommand("describe iot.readings")).isTrue();
        assertThat(ShellCommands.isLineCommand("SELECT *")).isFalse();
        assertThat(ShellCommands.isLineCommand("quitting_time")).isFalse();
    }
}
