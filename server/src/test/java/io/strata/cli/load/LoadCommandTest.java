package io.strata.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.MeasureValueType;
import io.strata.api.v1.Record;
import io.strata.cli.testing.CommandRun;
import io.strata.cli.testing.RecordingWriteService;
import io.strata.cli.testing.SteppingClock;
import io.strata.cli.testing.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
    @TempDir
    Path home;

    private final TestNode node = new TestNode();

    @AfterEach
    void stopNode() throws InterruptedException {
        node.close();
    }

    private LoadCommand command() {
        // Each clock read moves 10 ms: a progress line every ~100 records written.
        return new LoadCommand(node.environment("", new SteppingClock(Instant.parse("2024-05-01T12:00:00Z"), Duration.ofMillis(10)),
                home.resolve(".strata_history")));
    }

    @Test
    void writesTheRowsAsMultiMeasureRecordsWithProgressLinesAndASummaryOfWhatWasStored() {
        CommandRun run = CommandRun.of(command(), "--rows", "1000", "--hosts", "7", "--create", "--interval", "10s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(node.writes.received()).isEqualTo(1000);
        assertThat(run.out()).contains("Loaded 1,000 rows into devops.cpu in ").contains("; rejected 0\n");
        List<String> progress = run.err().lines().toList();
        assertThat(progress.size()).as(run.err()).isGreaterThanOrEqualTo(3);
        assertThat(progress).allMatch(line -> line.matches("rows [\\d,]+/1,000 \\(\\d+%\\)  [\\d,]+ rows/s  ETA [\\d:-]+  rejected 0"));
        assertThat(progress.getLast()).startsWith("rows 1,000/1,000 (100%)");

        List<Record> records = node.writes.stored();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.getMeasureName()).isEqualTo("cpu");
            assertThat(record.getMeasureValueType()).isEqualTo(MeasureValueType.MEASURE_VALUE_TYPE_MULTI);
            assertThat(record.getMeasureValuesCount()).isEqualTo(10);
        });
        assertThat(records.stream().map(record -> record.getDimensions(0).getValue()).distinct()).hasSize(7);
        assertThat(node.writes.requests()).allSatisfy(request -> assertThat(request.getRecordsCount()).isBetween(1, 100));
        CreateTableRequest created = node.catalog.requests().stream().filter(CreateTableRequest.class::isInstance)
                .map(CreateTableRequest.class::cast).findFirst().orElseThrow();
        // 143 points per host, 10 s apart: 24 minutes fit the default 6 h memory retention.
        assertThat(created.getRetentionProperties().getMemoryStoreRetentionPeriodInHours()).isEqualTo(6);
    }

    @Test
    void theSummaryCountsRejectedRowsByReason() {
        node.writes.reject(record -> record.getDimensions(0).getValue().equals("host_0"));

        CommandRun run = CommandRun.of(command(), "--rows", "500", "--hosts", "5", "--create");

        assertThat(run.exitCode()).isEqualTo(LoadCommand.ROWS_NOT_STORED);
        assertThat(node.writes.received()).isEqualTo(500);
        assertThat(node.writes.stored()).hasSize(400);
        assertThat(run.out()).contains("Loaded 400 rows into devops.cpu").contains("; rejected 100\n")
                .contains("       100  " + RecordingWriteService.REJECTION_REASON + "\n");
        assertThat(run.err().lines().toList().getLast()).startsWith("rows 400/500 (100%)").endsWith("rejected 100");
    }

    @Test
    void theIotDatasetWritesSensorMetricsOfDevicesIntoItsOwnTable() {
        CommandRun run = CommandRun.of(command(), "--dataset", "iot", "--devices", "3", "--rows", "30", "--create",
                "--start", "2024-05-01T11:00:00Z", "--interval", "1m", "--batch", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(node.writes.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.getDatabaseName()).isEqualTo("iot");
            assertThat(request.getTableName()).isEqualTo("sensor_readings");
        });
        Record first = node.writes.stored().stream().min((a, b) -> Long.compare(Long.parseLong(a.getTime()), Long.parseLong(b.getTime())))
                .orElseThrow();
        assertThat(first.getMeasureName()).isEqualTo("sensor_metrics");
        assertThat(first.getDimensionsList()).extracting(dimension -> dimension.getName()).containsExactly("device_id", "location", "region");
        assertThat(Math.abs(Long.parseLong(first.getTime()) - Instant.parse("2024-05-01T11:00:00Z").toEpochMilli())).isLessThanOrEqualTo(50);
    }

    @Test
    void theSameSeedWritesTheSameData() {
        CommandRun.of(command(), "--rows", "200", "--hosts", "4", "--start", "2024-05-01T11:00:00Z", "--seed", "9");
        List<Record> first = List.copyOf(node.writes.stored());
        try (TestNode again = new TestNode()) {
            CommandRun.of(new LoadCommand(again.environment("", new SteppingClock(Instant.EPOCH, Duration.ofMillis(1)), home.resolve("h"))),
                    "--rows", "200", "--hosts", "4", "--start", "2024-05-01T11:00:00Z", "--seed", "9");
            assertThat(again.writes.stored()).containsExactlyInAnyOrderElementsOf(first);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
