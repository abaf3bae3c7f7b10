package dev.tern.rest.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Camunda's date format. Written as {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ} in UTC, e.g. {@code
 * 2026-01-02T03:04:05.000+0000}.
 *
 * <p>Read leniently, so clients written against Camunda and ISO-8601 clients both work:
 *
 * <ul>
 *   <li>{@code 2026-01-02T03:04:05.000+0000} (Camunda's form; {@code +0100} etc.)
 *   <li>{@code 2026-01-02T03:04:05.000+01:00}, {@code 2026-01-02T03:04:05+01}
 *   <li>{@code 2026-01-02T03:04:05Z}, {@code 2026-01-02T03:04:05.123456789Z}
 *   <li>0 to 9 fraction digits, or none; seconds are required
 *   <li>no offset at all ({@code 2026-01-02T03:04:05}) is read as UTC
 * </ul>
 */
public final class CamundaDates {

  private static final DateTimeFormatter WRITER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter READER =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter();

  private CamundaDates() {}

  public static String format(Instant instant) {
    return WRITER.format(instant);
  }

  /** The instant the text names, or empty if it is in none of the accepted forms. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(READER.parse(text.trim(), Instant::from));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
