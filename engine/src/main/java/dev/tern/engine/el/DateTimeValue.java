package dev.tern.engine.el;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * What {@code dateTime()} answers in an expression: Camunda 7.24 answers a Joda-Time {@code
 * DateTime}; this immutable value offers the part of its API process models use, with Joda's
 * names, so {@code ${dateTime().plusDays(7).toDate()}} works as in Camunda. Calendar arithmetic
 * (years to days) happens in the zone of the value, time arithmetic (hours and shorter) on the
 * instant, as Joda does.
 */
public final class DateTimeValue implements Comparable<DateTimeValue> {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private final ZonedDateTime value;

  private DateTimeValue(ZonedDateTime value) {
    this.value = value.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The value at {@code instant} in {@code zone}. */
  public static DateTimeValue of(Instant instant, ZoneId zone) {
    return new DateTimeValue(instant.atZone(zone));
  }

  public DateTimeValue plusYears(int years) {
    return new DateTimeValue(value.plusYears(years));
  }

  public DateTimeValue plusMonths(int months) {
    return new DateTimeValue(value.plusMonths(months));
  }

  public DateTimeValue plusWeeks(int weeks) {
    return new DateTimeValue(value.plusWeeks(weeks));
  }

  public DateTimeValue plusDays(int days) {
    return new DateTimeValue(value.plusDays(days));
  }

  public DateTimeValue plusHours(int hours) {
    return new DateTimeValue(value.plusHours(hours));
  }

  public DateTimeValue plusMinutes(int minutes) {
    return new DateTimeValue(value.plusMinutes(minutes));
  }

  public DateTimeValue plusSeconds(int seconds) {
    return new DateTimeValue(value.plusSeconds(seconds));
  }

  public DateTimeValue plusMillis(int millis) {
    return new DateTimeValue(value.plus(millis, ChronoUnit.MILLIS));
  }

  public DateTimeValue minusYears(int years) {
    return plusYears(-years);
  }

  public DateTimeValue minusMonths(int months) {
    return plusMonths(-months);
  }

  public DateTimeValue minusWeeks(int weeks) {
    return plusWeeks(-weeks);
  }

  public DateTimeValue minusDays(int days) {
    return plusDays(-days);
  }

  public DateTimeValue minusHours(int hours) {
    return plusHours(-hours);
  }

  public DateTimeValue minusMinutes(int minutes) {
    return plusMinutes(-minutes);
  }

  public DateTimeValue minusSeconds(int seconds) {
    return plusSeconds(-seconds);
  }

  public DateTimeValue minusMillis(int millis) {
    return plusMillis(-millis);
  }

  /** Midnight at the start of this value's day, in its zone. */
  public DateTimeValue withTimeAtStartOfDay() {
    return new DateTimeValue(value.toLocalDate().atStartOfDay(value.getZone()));
  }

  public Date toDate() {
    return Date.from(value.toInstant());
  }

  public long getMillis() {
    return value.toInstant().toEpochMilli();
  }

  public int getYear() {
    return value.getYear();
  }

  public int getMonthOfYear() {
    return value.getMonthValue();
  }

  public int getDayOfMonth() {
    return value.getDayOfMonth();
  }

  /** 1 (Monday) to 7 (Sunday), as Joda counts. */
  public int getDayOfWeek() {
    return value.getDayOfWeek().getValue();
  }

  public int getHourOfDay() {
    return value.getHour();
  }

  public int getMinuteOfHour() {
    return value.getMinute();
  }

  public int getSecondOfMinute() {
    return value.getSecond();
  }

  /** Whether this value is before {@code other}, a {@code DateTimeValue} or a {@link Date}. */
  public boolean isBefore(Object other) {
    return getMillis() < millisOf(other);
  }

  public boolean isAfter(Object other) {
    return getMillis() > millisOf(other);
  }

  public boolean isEqual(Object other) {
    return getMillis() == millisOf(other);
  }

  private static long millisOf(Object other) {
    if (other instanceof DateTimeValue d) {
      return d.getMillis();
    }
    if (other instanceof Date d) {
      return d.getTime();
    }
    throw new IllegalArgumentException(
        "Cannot compare a date-time with " + (other == null ? "null" : other.getClass().getSimpleName()));
  }

  /** With a pattern of {@link DateTimeFormatter} (Joda's patterns agree for the common letters). */
  public String toString(String pattern) {
    return value.format(DateTimeFormatter.ofPattern(pattern));
  }

  @Override
  public int compareTo(DateTimeValue other) {
    return Long.compare(getMillis(), other.getMillis());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DateTimeValue d && value.equals(d.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** ISO 8601 with milliseconds and offset, as Joda prints it: {@code 2026-01-02T03:04:05.000Z}. */
  @Override
  public String toString() {
    return value.format(ISO);
  }
}
