package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  @Test
  void comparesTwoRunsWithTheSecondRunsSpeedupAsRatio() {
    StoryResult camunda = result("camunda", 40.0, 500.0);
    StoryResult tern = result("tern", 0.5, 50.0);

    String table = print(List.of(camunda, tern));

    assertThat(table).contains("| figure | camunda | tern | ratio |");
    assertThat(table).contains("| all retries applied (server time) (s) | 40.0 | 0.50 | 80.0× |");
    assertThat(table).contains("| batch creation (POST job-retries) (ms) | 500 | 50.0 | 10.0× |");
    assertThat(table).contains("| SQL floor (UPDATE jobs + DELETE incidents) (ms) | n/a | n/a | n/a |");
  }

  @Test
  void mediansGroupRunsByLabelAndCompareTheMedians() {
    List<StoryResult> runs =
        List.of(
            result("camunda", 40.0, 500.0),
            result("tern", 0.9, 50.0),
            result("camunda", 60.0, 400.0),
            result("tern", 0.4, 70.0),
            result("camunda", 50.0, 900.0),
            result("tern", 0.5, 60.0));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportTable.printMedians(runs, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertThat(table).contains("| figure | camunda (median of 3) | tern (median of 3) | ratio |");
    assertThat(table).contains("| all retries applied (server time) (s) | 50.0 | 0.50 | 100.0× |");
    assertThat(table).contains("| batch creation (POST job-retries) (ms) | 500 | 60.0 | 8.3× |");
  }

  @Test
  void startLatencyPercentilesAreNearestRank() {
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms
    }

    assertThat(OutageStory.percentileMillis(nanos, 50)).isEqualTo(50.0);
    assertThat(OutageStory.percentileMillis(nanos, 99)).isEqualTo(99.0);
    assertThat(OutageStory.percentileMillis(new long[] {7_000_000L}, 99)).isEqualTo(7.0);
    assertThat(OutageStory.percentileMillis(new long[0], 99)).isNull();
  }

  @Test
  void oldResultFilesWithoutStartLatenciesStillCompare() {
    StoryResult old = result("camunda", 40.0, 500.0);
    StoryResult withoutLatencies =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .convertValue(
                java.util.Map.of("label", "old", "startPerSecond", 12.0, "batchCreationMillis", 80.0),
                StoryResult.class);

    String table = print(List.of(old, withoutLatencies));

    assertThat(table).contains("| start latency p99 (ms) | 9.00 | n/a | n/a |");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ReportTable.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
    assertThat(ReportTable.median(List.of())).isNull();
  }

  private static String print(List<StoryResult> results) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportTable.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static StoryResult result(String label, double retriesApplied, double batchMillis) {
    return new StoryResult(
        label, "7.24.0", "http://127.0.0.1:8080/engine-rest", 1000, 8, "R2/PT1S", "k",
        10, 100, 5.0, 9.0, 20, 2000, 100, null, null, null, batchMillis, "b",
        retriesApplied, retriesApplied, 30.0, 30.0, 50.0, 50.0, 1000, "none", null, null, null);
  }
}
