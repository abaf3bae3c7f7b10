package dev.tern.bench.cluster;

import dev.tern.bench.BenchFailure;
import dev.tern.bench.EngineRestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code tern.jar} process of the cluster, in its own working directory with its log there.
 * Killing, freezing and resuming are real signals ({@code SIGKILL}, {@code SIGSTOP}, {@code
 * SIGCONT}); {@link #start()} after a kill starts a new process on the same port.
 */
final class TernNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final Path workDir;
  private final List<String> command;
  private final Map<String, String> env;
  private Process process;
  private int starts;

  TernNode(String name, int port, Path workDir, List<String> command, Map<String, String> env) {
    this.name = name;
    this.port = port;
    this.workDir = workDir;
    this.command = List.copyOf(command);
    this.env = Map.copyOf(env);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/engine-rest";
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return workDir.resolve("server-" + starts + ".log");
  }

  /** Starts the process (again); {@link #awaitReady} waits for its API. */
  void start() {
    starts++;
    try {
      Files.createDirectories(workDir);
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
      builder.redirectOutput(log().toFile());
      builder.environment().putAll(env);
      builder.environment().put("TERN_PORT", Integer.toString(port));
      process = builder.start();
    } catch (IOException e) {
      throw new BenchFailure("cannot start " + name + ": " + e, e);
    }
  }

  void awaitReady(Duration timeout) {
    EngineRestClient rest = new EngineRestClient(baseUrl());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new BenchFailure(name + " exited with " + process.exitValue() + "; see " + log());
      }
      try {
        if (!rest.engineVersion().equals("unknown")) {
          return;
        }
      } catch (BenchFailure notYet) {
        // not listening yet
      }
      Pause.of(Duration.ofMillis(200));
    }
    throw new BenchFailure(name + " did not answer within " + timeout + "; see " + log());
  }

  /** {@code kill -9}: no shutdown hook, no released lock, connections cut by the kernel. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void freeze() {
    signal("STOP");
  }

  void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
      if (kill.waitFor() != 0) {
        throw new BenchFailure("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new BenchFailure("kill -" + signal + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }

  /** SIGTERM (resuming a frozen process first) and a bounded wait; then SIGKILL. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    resume();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  /** {@code java <options> -jar <jar>}, with the java of this JVM. */
  static List<String> javaCommand(Path jar, List<String> javaOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return command;
  }
}
