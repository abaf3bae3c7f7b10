package dev.tern.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal ({@code \r} redraws), or a plain line every few seconds when
 * the output is a log (CI), so waiting phases show they are alive either way.
 */
public final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean interactive;
  private String label = "";
  private long total = 1;
  private long startedNanos;
  private long lastLogNanos;

  public ProgressBar(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** A bar that prints nothing. */
  public static ProgressBar silent() {
    return new ProgressBar(new PrintStream(PrintStream.nullOutputStream()), false);
  }

  public void begin(String label, long total) {
    this.label = label;
    this.total = Math.max(1, total);
    this.startedNanos = System.nanoTime();
    this.lastLogNanos = startedNanos;
  }

  public void update(long done, String detail) {
    long now = System.nanoTime();
    if (interactive) {
      out.print("\r" + line(done, detail, now));
      out.flush();
    } else if (now - lastLogNanos >= LOG_EVERY_NANOS) {
      lastLogNanos = now;
      out.println(line(done, detail, now));
    }
  }

  public void end(long done, String detail) {
    String line = line(done, detail, System.nanoTime());
    out.println(interactive ? "\r" + line : line);
  }

  String line(long done, String detail, long nowNanos) {
    long clamped = Math.max(0, Math.min(done, total));
    int filled = (int) (WIDTH * clamped / total);
    double seconds = (nowNanos - startedNanos) / 1e9;
    return String.format(
        Locale.ROOT,
        "%-24s [%s%s] %d/%d %6.1fs %s",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        done,
        total,
        seconds,
        detail);
  }
}
