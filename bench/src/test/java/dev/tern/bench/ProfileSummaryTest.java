package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

  @TempDir Path dir;

  @Test
  void chargesTheSamplesOfABusyTernMethodToTernAndListsIt() throws Exception {
    Path file = dir.resolve("busy.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      long sum = spinFor(Duration.ofMillis(600));
      recording.stop();
      recording.dump(file);
      assertThat(sum).isNotZero();
    }

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProfileSummary.summarise(file, 5, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String summary = bytes.toString(StandardCharsets.UTF_8);

    assertThat(summary).containsPattern("[1-9][0-9]* CPU samples in busy.jfr");
    assertThat(summary).containsPattern("\\| `Tern \\(other\\)` \\| [1-9]");
    assertThat(summary).contains("`dev.tern.bench.ProfileSummaryTest.spinFor`");
  }

  private static long spinFor(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long sum = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        sum += Long.hashCode(sum * 31 + i);
      }
    }
    return sum;
  }
}
