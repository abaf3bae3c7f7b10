package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.TimerDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Turns a timer definition's value (already evaluated if it was an expression) into the due date
 * of its first firing. Durations and cycles count from {@code now}; dates without an offset are
 * read in the clock's zone.
 */
final class TimerSchedule {

  private TimerSchedule() {}

  static Instant dueDate(TimerDefinition.Type type, Object value, Instant now, ZoneId zone) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof TemporalAccessor temporal && !(value instanceof Duration)) {
      return OffsetDateTime.from(temporal).toInstant();
    }
    if (value instanceof Duration duration) {
      return now.plus(duration);
    }
    if (value == null || String.valueOf(value).isBlank()) {
      throw new ProcessEngineException("Timer definition evaluated to an empty value");
    }
    String text = String.valueOf(value).trim();
    return switch (type) {
      case DATE -> parseDate(text, zone);
      case DURATION -> plusIsoDuration(now, text, zone);
      case CYCLE -> firstCycleOccurrence(text, now, zone);
    };
  }

  private static Instant firstCycleOccurrence(String text, Instant now, ZoneId zone) {
    if (CronExpression.looksLikeCron(text)) {
      return CronExpression.parse(text).next(now, zone);
    }
    String[] parts = text.split("/");
    if (parts.length >= 2 && parts[0].startsWith("R")) {
      String last = parts[parts.length - 1];
      return last.startsWith("P") ? plusIsoDuration(now, last, zone) : parseDate(last, zone);
    }
    throw new ProcessEngineException(
        "Cannot parse timer cycle '"
            + text
            + "': expected ISO-8601 repeating interval R<n>/<duration> or a cron expression");
  }

  /**
   * The firings a cycle has: {@code R<n>/…} n, {@code R/…} and cron expressions without end (null).
   */
  static Integer repetitions(String cycle) {
    String text = cycle.trim();
    if (CronExpression.looksLikeCron(text) || !text.startsWith("R")) {
      return null;
    }
    String count = text.substring(1, text.indexOf('/') < 0 ? text.length() : text.indexOf('/'));
    try {
      return count.isEmpty() ? null : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new ProcessEngineException("Cannot parse timer cycle '" + cycle + "'");
    }
  }

  /** The firing after {@code previous} of a cycle that fired then. */
  static Instant nextCycleOccurrence(String cycle, Instant previous, ZoneId zone) {
    String text = cycle.trim();
    if (CronExpression.looksLikeCron(text)) {
      return CronExpression.parse(text).next(previous, zone);
    }
    String[] parts = text.split("/");
    return plusIsoDuration(previous, parts[parts.length - 1], zone);
  }

  static Instant plusIsoDuration(Instant now, String text, ZoneId zone) {
    try {
      String upper = text.toUpperCase();
      int t = upper.indexOf('T');
      String datePart = t < 0 ? upper : upper.substring(0, t);
      String timePart = t < 0 ? null : "P" + upper.substring(t);
      ZonedDateTime result = now.atZone(zone);
      if (!datePart.equals("P")) {
        result = result.plus(Period.parse(datePart));
      }
      if (timePart != null) {
        result = result.plus(Duration.parse(timePart));
      }
      return result.toInstant();
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("Cannot parse duration '" + text + "': " + e.getMessage());
    }
  }

  private static Instant parseDate(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notZoned) {
        try {
          return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
          try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
          } catch (DateTimeParseException e) {
            throw new ProcessEngineException(
                "Cannot parse timer date '" + text + "': expected ISO-8601 date-time");
          }
        }
      }
    }
  }
}
