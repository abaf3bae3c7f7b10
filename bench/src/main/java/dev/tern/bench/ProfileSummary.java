package dev.tern.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tern-bench profile recording.jfr}: where a server's CPU went, from the execution samples
 * of a Java Flight Recording. Self time is charged to the library whose code ran; JDK code counts
 * for the nearest non-JDK caller, so a {@code HashMap.get} inside Jackson is Jackson's time. Then
 * the Tern methods that were on the stack most often (inclusive time).
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Summarises the CPU samples of a JFR recording by library and by Tern method.")
final class ProfileSummary implements Callable<Integer> {

  private static final List<Map.Entry<String, String>> LIBRARIES =
      List.of(
          Map.entry("org.postgresql.", "PostgreSQL JDBC driver"),
          Map.entry("org.h2.", "H2"),
          Map.entry("com.zaxxer.hikari.", "HikariCP"),
          Map.entry("org.jdbi.", "Jdbi"),
          Map.entry("com.fasterxml.jackson.", "Jackson"),
          Map.entry("org.eclipse.jetty.", "Jetty"),
          Map.entry("io.javalin.", "Javalin"),
          Map.entry("org.flywaydb.", "Flyway"),
          Map.entry("org.camunda.bpm.model.", "BPMN model"),
          Map.entry("org.glassfish.expressly.", "expression language"),
          Map.entry("jakarta.el.", "expression language"),
          Map.entry("io.micrometer.", "Micrometer"),
          Map.entry("ch.qos.logback.", "logging"),
          Map.entry("org.slf4j.", "logging"),
          Map.entry("dev.tern.rest.", "Tern REST layer"),
          Map.entry("dev.tern.engine.", "Tern engine"),
          Map.entry("dev.tern.", "Tern (other)"));

  @Parameters(paramLabel = "RECORDING", description = "a .jfr file")
  Path recording;

  @Option(names = "--top", defaultValue = "15", description = "methods to list (default: ${DEFAULT-VALUE})")
  int top;

  @Override
  public Integer call() throws IOException {
    summarise(recording, top, System.out);
    return 0;
  }

  /** Prints the three tables of the recording's CPU samples to {@code out}. */
  static void summarise(Path recording, int top, PrintStream out) throws IOException {
    Map<String, Integer> byLibrary = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> leaves = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      RecordedStackTrace stack = event.getStackTrace();
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      byLibrary.merge(chargedLibrary(frames), 1, Integer::sum);
      if (!frames.isEmpty()) {
        leaves.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = name(frame);
        if (method.startsWith("dev.tern.") && seen.add(method)) {
          inclusive.merge(method, 1, Integer::sum);
        }
      }
    }
    out.printf(Locale.ROOT, "%d CPU samples in %s%n%n", samples, recording.getFileName());
    print(out, "self time by library (JDK code charged to its caller)", byLibrary, samples, byLibrary.size());
    print(out, "Tern methods on the stack (inclusive)", inclusive, samples, top);
    print(out, "hottest methods (self)", leaves, samples, top);
  }

  /** The library of the innermost frame that is not JDK code; "JDK" when there is none. */
  static String chargedLibrary(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> library : LIBRARIES) {
        if (type.startsWith(library.getKey())) {
          return library.getValue();
        }
      }
      if (!isJdk(type)) {
        return "other libraries";
      }
    }
    return "JDK (threads with no library frame: GC helpers, JIT, idle pools)";
  }

  private static boolean isJdk(String type) {
    return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
        || type.startsWith("sun.") || type.startsWith("com.sun.");
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(
      PrintStream out, String title, Map<String, Integer> counts, int samples, int limit) {
    out.println("| " + title + " | samples | share |");
    out.println("|---|---:|---:|");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT, "| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / samples));
    out.println();
  }
}
