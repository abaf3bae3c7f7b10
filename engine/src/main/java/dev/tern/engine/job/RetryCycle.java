package dev.tern.engine.job;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code camunda:failedJobRetryTimeCycle}: how many attempts a job gets in total and how long it
 * waits after each failed attempt. {@code R5/PT5M} means five attempts, five minutes apart; a list
 * such as {@code PT1M,PT2M,PT10M} means one attempt per entry, the n-th failure waiting the n-th
 * duration (the last one repeats if retries are raised by hand later).
 */
record RetryCycle(int attempts, List<Wait> waits) {

  /** Camunda's default without a cycle: three attempts in total, no wait in between. */
  public static final RetryCycle DEFAULT = new RetryCycle(3, List.of(new Wait(Period.ZERO, Duration.ZERO)));

  public RetryCycle {
    if (attempts < 1) {
      throw new IllegalArgumentException("a retry cycle needs at least one attempt");
    }
    waits = List.copyOf(waits);
    if (waits.isEmpty()) {
      throw new IllegalArgumentException("a retry cycle needs at least one wait");
    }
  }

  /** Parses a cycle; empty when the text is blank or not a cycle Tern understands. */
  public static Optional<RetryCycle> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String trimmed = text.trim();
      if (trimmed.startsWith("R")) {
        String[] parts = trimmed.split("/");
        if (parts.length != 2) {
          return Optional.empty();
        }
        int times = Integer.parseInt(parts[0].substring(1));
        return Optional.of(new RetryCycle(times, List.of(Wait.parse(parts[1]))));
      }
      List<Wait> waits = new ArrayList<>();
      for (String part : trimmed.split("\\s*,\\s*")) {
        waits.add(Wait.parse(part));
      }
      return Optional.of(new RetryCycle(waits.size(), waits));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** When the next attempt is due after the given failure (1 for the first failed attempt). */
  public Instant nextDueAfterFailure(int failureNumber, Instant now) {
    int index = Math.min(Math.max(failureNumber, 1), waits.size()) - 1;
    return waits.get(index).addTo(now);
  }

  /** An ISO 8601 duration; the date part is calendar-based (months differ in length). */
  public record Wait(Period period, Duration duration) {

    static Wait parse(String iso) {
      String text = iso.trim().toUpperCase();
      if (!text.startsWith("P")) {
        throw new IllegalArgumentException("not an ISO 8601 duration: " + iso);
      }
      int t = text.indexOf('T');
      String datePart = t < 0 ? text : text.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration duration = t < 0 ? Duration.ZERO : Duration.parse("PT" + text.substring(t + 1));
      return new Wait(period, duration);
    }

    Instant addTo(Instant instant) {
      return instant.atZone(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
    }
  }
}
