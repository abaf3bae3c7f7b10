package dev.tern.console;

import dev.tern.engine.incident.IncidentQuery;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.job.JobService;
import java.util.List;
import java.util.function.Function;

/**
 * A group of failed jobs as the console retries it: the jobs of one process definition key and
 * activity that failed with exactly this exception message and have no retries left. The dry-run
 * count and the batch use the same {@link JobQuery}, so the batch retries what the operator saw.
 */
record RetrySelection(String definition, String activity, String message) {

  private static final int MAX_NAME = 255;
  private static final int MAX_MESSAGE = 4000;

  static RetrySelection of(String definition, String activity, String message) {
    return new RetrySelection(definition, activity, message);
  }

  /** The selection named by request parameters; 400 when one is missing or too long. */
  static RetrySelection from(Function<String, String> param) {
    String definition = required(param, "definition", MAX_NAME);
    String activity = required(param, "activity", MAX_NAME);
    String message = required(param, "message", MAX_MESSAGE);
    return new RetrySelection(definition, activity, message);
  }

  private static String required(Function<String, String> param, String name, int max) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      throw new ConsoleProblem(400, "No group of failed jobs selected: '" + name + "' is missing.");
    }
    if (value.length() > max) {
      throw new ConsoleProblem(400, "'" + name + "' is longer than " + max + " characters.");
    }
    return value;
  }

  /** The failed jobs of this group (a new query each time: the engine restricts it per caller). */
  JobQuery jobs(JobService jobService) {
    return jobService
        .createJobQuery()
        .processDefinitionKey(definition)
        .activityId(activity)
        .noRetriesLeft()
        .set("exceptionMessage", message);
  }

  /** The open failedJob incidents of this group. */
  IncidentQuery incidents() {
    return new IncidentQuery()
        .set("incidentType", IncidentsPage.FAILED_JOB)
        .set("processDefinitionKeyIn", List.of(definition))
        .set("activityId", activity)
        .set("incidentMessage", message);
  }

  String queryString() {
    return Html.query("definition", definition, "activity", activity, "message", message);
  }

  /** The selection as hidden fields of a form. */
  String hiddenFields() {
    return hidden("definition", definition) + hidden("activity", activity) + hidden("message", message);
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
  }

  String describe() {
    return "<dl><dt>Process definition</dt><dd id=\"sel-definition\">"
        + Html.escape(definition)
        + "</dd><dt>Activity</dt><dd id=\"sel-activity\">"
        + Html.escape(activity)
        + "</dd><dt>Exception message</dt><dd id=\"sel-message\">"
        + Html.escape(message)
        + "</dd></dl>";
  }
}
