package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A Quartz-style cron expression as Camunda's timer cycles take it: {@code seconds minutes hours
 * day-of-month month day-of-week [year]}, each field {@code *}, {@code ?}, a number or name, a range
 * {@code a-b}, a list {@code a,b} or a step {@code x/n}. Quartz's {@code L}, {@code W} and {@code #}
 * are refused. Day-of-week counts 1 = Sunday … 7 = Saturday, as in Quartz.
 */
final class CronExpression {

  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private final String text;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private CronExpression(String text, String[] f) {
    this.text = text;
    this.seconds = field(f[0], 0, 59, null);
    this.minutes = field(f[1], 0, 59, null);
    this.hours = field(f[2], 0, 23, null);
    this.daysOfMonth = field(f[3], 1, 31, null);
    this.months = field(f[4], 1, 12, MONTHS);
    this.daysOfWeek = field(f[5], 1, 7, DAYS);
    this.anyDayOfMonth = f[3].equals("*") || f[3].equals("?");
    this.anyDayOfWeek = f[5].equals("*") || f[5].equals("?");
  }

  /** Whether the text looks like a cron expression rather than an ISO-8601 repeating interval. */
  static boolean looksLikeCron(String text) {
    return text.trim().split("\\s+").length >= 6;
  }

  static CronExpression parse(String text) {
    String[] fields = text.trim().toUpperCase(Locale.ROOT).split("\\s+");
    if (fields.length < 6 || fields.length > 7) {
      throw invalid(text, "expected 6 or 7 fields");
    }
    return new CronExpression(text, fields);
  }

  /** The first firing strictly after {@code after}. */
  Instant next(Instant after, ZoneId zone) {
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      } else if (!seconds.get(t.getSecond())) {
        t = t.plusSeconds(1);
      } else {
        return t.toInstant();
      }
    }
    throw invalid(text, "it never fires within five years");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    int quartzDay = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
    boolean dow = daysOfWeek.get(quartzDay);
    if (anyDayOfMonth) {
      return dow;
    }
    if (anyDayOfWeek) {
      return dom;
    }
    return dom && dow;
  }

  private BitSet field(String spec, int min, int max, String[] names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : spec.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(part.substring(slash + 1), min, Integer.MAX_VALUE, null);
        range = part.substring(0, slash);
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = number(ends[0], min, max, names);
        to = number(ends[1], min, max, names);
      } else {
        from = number(range, min, max, names);
        to = slash >= 0 ? max : from;
      }
      if (step < 1 || from > to) {
        throw invalid(text, "bad field '" + spec + "'");
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private int number(String token, int min, int max, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(token)) {
          return i + 1;
        }
      }
    }
    try {
      int value = Integer.parseInt(token);
      if (value < min || value > max) {
        throw invalid(text, "value " + value + " is out of range " + min + "-" + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(text, "'" + token + "' is not supported");
    }
  }

  private static ProcessEngineException invalid(String text, String why) {
    return new ProcessEngineException("Cannot parse cron expression '" + text + "': " + why);
  }
}
