package dev.tern.console;

import dev.tern.engine.incident.Incident;
import dev.tern.engine.incident.IncidentQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Which open incidents an operator picked: a group of the incidents page (type, definition key,
 * activity and exact message) or a filter (message text contained, time range of the incident).
 * Every part is optional. The drill-down lists these incidents, the retry counts and selects them
 * (each failedJob incident names its job, each failedExternalTask incident its task), and the batch
 * page counts those left: all through one {@link IncidentQuery}.
 *
 * @param from incidents at or after this instant, or null
 * @param to incidents before this instant, or null
 */
record IncidentFilter(
    String type,
    String definition,
    String activity,
    String message,
    String text,
    Instant from,
    Instant to) {

  static final List<String> RETRYABLE = List.of(Incident.FAILED_JOB, Incident.FAILED_EXTERNAL_TASK);
  private static final int MAX_NAME = 255;
  private static final int MAX_MESSAGE = 4000;

  static IncidentFilter group(String type, String definition, String activity, String message) {
    return new IncidentFilter(type, definition, activity, message, null, null, null);
  }

  /** The filter named by request parameters; 400 when one is too long or not a time. */
  static IncidentFilter from(Function<String, String> param) {
    return new IncidentFilter(
        optional(param, "type", MAX_NAME),
        optional(param, "definition", MAX_NAME),
        optional(param, "activity", MAX_NAME),
        optional(param, "message", MAX_MESSAGE),
        optional(param, "text", MAX_MESSAGE),
        time(param, "from"),
        time(param, "to"));
  }

  boolean hasAny() {
    return type != null
        || definition != null
        || activity != null
        || message != null
        || text != null
        || from != null
        || to != null;
  }

  private static String optional(Function<String, String> param, String name, int max) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw new ConsoleProblem(400, "'" + name + "' is longer than " + max + " characters.");
    }
    return value;
  }

  /**
   * A time as a browser's {@code datetime-local} field sends it (taken as UTC, as the console shows
   * times) or as an ISO instant.
   */
  static Instant time(Function<String, String> param, String name) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.endsWith("Z")
          ? Instant.parse(value)
          : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ConsoleProblem(
          400, "'" + name + "' is not a time such as 2026-03-01T08:00 (UTC): " + value);
    }
  }

  /**
   * The open incidents this filter picks (a new query each time: the engine restricts it per
   * caller).
   */
  IncidentQuery incidents() {
    IncidentQuery query = new IncidentQuery();
    if (type != null) {
      query.set("incidentType", type);
    }
    if (definition != null) {
      query.set("processDefinitionKeyIn", List.of(definition));
    }
    if (activity != null) {
      query.set("activityId", activity);
    }
    if (message != null) {
      query.set("incidentMessage", message);
    }
    if (text != null) {
      query.set("incidentMessageLike", "%" + text + "%");
    }
    if (from != null) {
      query.set("incidentTimestampAfter", from.minusMillis(1));
    }
    if (to != null) {
      query.set("incidentTimestampBefore", to);
    }
    return query;
  }

  String queryString() {
    return Html.query(parameters());
  }

  private String[] parameters() {
    return new String[] {
      "type",
      type,
      "definition",
      definition,
      "activity",
      activity,
      "message",
      message,
      "text",
      text,
      "from",
      from == null ? null : from.toString(),
      "to",
      to == null ? null : to.toString()
    };
  }

  /** The filter as hidden fields of a form. */
  String hiddenFields() {
    StringBuilder html = new StringBuilder();
    String[] parameters = parameters();
    for (int i = 0; i < parameters.length; i += 2) {
      if (parameters[i + 1] != null) {
        html.append("<input type=\"hidden\" name=\"")
            .append(parameters[i])
            .append("\" value=\"")
            .append(Html.escape(parameters[i + 1]))
            .append("\">");
      }
    }
    return html.toString();
  }

  String describe() {
    return "<dl id=\"selection\">"
        + term("Incident type", "sel-type", type)
        + term("Process definition", "sel-definition", definition)
        + term("Activity", "sel-activity", activity)
        + term("Exception message", "sel-message", message)
        + term("Message contains", "sel-text", text)
        + term("From", "sel-from", from == null ? null : Html.time(from))
        + term("Before", "sel-to", to == null ? null : Html.time(to))
        + "</dl>";
  }

  private static String term(String label, String id, String value) {
    return value == null
        ? ""
        : "<dt>" + label + "</dt><dd id=\"" + id + "\">" + Html.escape(value) + "</dd>";
  }
}
