package dev.tern.engine.cleanup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** One occurrence of the daily cleanup window: {@code [start, end)}. */
public record BatchWindow(Instant start, Instant end) {

  boolean contains(Instant now) {
    return !now.isBefore(start) && now.isBefore(end);
  }

  /**
   * The window {@code now} is in, or else the next one; null without a configured window. A window
   * whose end is not after its start ends the next day.
   */
  static BatchWindow currentOrNext(HistoryCleanupSettings settings, Instant now) {
    if (!settings.hasBatchWindow()) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (LocalDate day = today.minusDays(1); ; day = day.plusDays(1)) {
      BatchWindow window = on(day, settings.batchWindowStartTime(), settings.batchWindowEndTime());
      if (window.end().isAfter(now)) {
        return window;
      }
    }
  }

  /** The first window that starts after {@code now}; null without a configured window. */
  static BatchWindow next(HistoryCleanupSettings settings, Instant now) {
    BatchWindow window = currentOrNext(settings, now);
    if (window != null && !window.start().isAfter(now)) {
      LocalDate day = LocalDate.ofInstant(window.start(), ZoneOffset.UTC).plusDays(1);
      return on(day, settings.batchWindowStartTime(), settings.batchWindowEndTime());
    }
    return window;
  }

  private static BatchWindow on(LocalDate day, LocalTime start, LocalTime end) {
    Instant from = day.atTime(start).toInstant(ZoneOffset.UTC);
    LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
    return new BatchWindow(from, endDay.atTime(end).toInstant(ZoneOffset.UTC));
  }
}
