package dev.tern.console;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.externaltask.ExternalTaskSelection;
import dev.tern.engine.incident.Incident;
import dev.tern.engine.incident.IncidentService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;

/**
 * Retrying what failed, by group or by filter: a page with the filter, the dry-run count and the
 * confirm form, then one batch over exactly the failed jobs (or external tasks) of the filter's
 * open incidents: {@link BatchService#setJobRetriesAsync}, the engine call of {@code POST
 * /job/retries} (with an optional due date), or {@link BatchService#setExternalTaskRetriesAsync},
 * that of {@code POST /external-task/retries-async}, with their authorization checks.
 */
final class RetryPage {

  static final int MAX_RETRIES = 100;

  /** One batch selects at most this many; a larger selection must be narrowed first. */
  static final int MAX_SELECTION = 10_000;

  private final IncidentService incidents;
  private final BatchService batches;

  RetryPage(IncidentService incidents, BatchService batches) {
    this.incidents = incidents;
    this.batches = batches;
  }

  void confirm(Context ctx, Sessions.Session session) {
    IncidentFilter asked = IncidentFilter.from(ctx::queryParam);
    IncidentFilter filter = retryable(asked);
    long count = incidents.countIncidents(session.caller(), filter.incidents());
    boolean jobs = Incident.FAILED_JOB.equals(filter.type());
    String what = jobs ? "failed jobs" : "failed external tasks";
    StringBuilder body = new StringBuilder(filter.describe());
    if (count == 0) {
      body.append("<p class=\"problem\" id=\"nothing-to-retry\">No open incident matches: nothing")
          .append(" to retry.</p>")
          .append(filterForm(filter, true));
      ctx.status(404).html(Html.page("Retry", session, body.toString()));
      return;
    }
    body.append("<p>")
        .append(jobs ? "Failed jobs" : "Failed external tasks")
        .append(" that would be retried: <strong id=\"dry-run-count\">")
        .append(count)
        .append("</strong> · ")
        .append(Html.link(ConsoleResource.INCIDENTS + filter.queryString(), "show them"))
        .append("</p>");
    if (count > MAX_SELECTION) {
      body.append("<p class=\"problem\" id=\"too-many\">One retry takes at most ")
          .append(MAX_SELECTION)
          .append(" ")
          .append(what)
          .append(": narrow the filter.</p>")
          .append(filterForm(filter, true));
      ctx.html(Html.page("Retry", session, body.toString()));
      return;
    }
    body.append("<form method=\"post\" action=\"")
        .append(ConsoleResource.RETRY)
        .append("\">")
        .append(Html.csrfField(session))
        .append(filter.hiddenFields())
        .append("<label>Retries for each <input type=\"number\" name=\"retries\" id=\"retries\"")
        .append(" value=\"1\" min=\"1\" max=\"")
        .append(MAX_RETRIES)
        .append("\" required></label>");
    if (jobs) {
      body.append("<label>Due date (UTC, empty: due now) <input type=\"datetime-local\"")
          .append(" name=\"dueDate\" id=\"due-date\"></label>");
    }
    body.append("<button type=\"submit\" id=\"confirm-retry\">Retry ")
        .append(count)
        .append(" ")
        .append(what)
        .append("</button> <a href=\"")
        .append(ConsoleResource.HOME)
        .append("\">Cancel</a></form>")
        .append(filterForm(filter, !asked.hasAny()));
    ctx.html(Html.page("Retry", session, body.toString()));
  }

  void create(Context ctx, Sessions.Session session) {
    IncidentFilter filter = retryable(IncidentFilter.from(ctx::formParam));
    int retries = retries(ctx.formParam("retries"));
    Instant dueDate = IncidentFilter.time(ctx::formParam, "dueDate");
    List<String> ids = selected(session.caller(), filter);
    Batch batch =
        Incident.FAILED_JOB.equals(filter.type())
            ? batches.setJobRetriesAsync(
                session.caller(),
                ids,
                null,
                dueDate == null ? JobRetries.of(retries) : JobRetries.withDueDate(retries, dueDate))
            : batches.setExternalTaskRetriesAsync(
                session.caller(), new ExternalTaskSelection(ids, null, null, null, null), retries);
    ctx.redirect(
        ConsoleResource.BATCHES + "/" + batch.id() + filter.queryString(), HttpStatus.SEE_OTHER);
  }

  /** The ids of the jobs or tasks of the filter's incidents, as the count saw them. */
  private List<String> selected(Caller caller, IncidentFilter filter) {
    long count = incidents.countIncidents(caller, filter.incidents());
    if (count == 0) {
      throw new ConsoleProblem(404, "No open incident matches any more: nothing to retry.");
    }
    if (count > MAX_SELECTION) {
      throw new ConsoleProblem(
          400, "One retry takes at most " + MAX_SELECTION + " items: narrow the filter.");
    }
    return incidents.listIncidents(caller, filter.incidents(), 0, MAX_SELECTION).stream()
        .map(Incident::configuration)
        .filter(id -> id != null)
        .distinct()
        .toList();
  }

  /** Failed jobs unless the filter names failed external tasks; other types are not retried. */
  private static IncidentFilter retryable(IncidentFilter filter) {
    if (filter.type() == null) {
      return new IncidentFilter(
          Incident.FAILED_JOB,
          filter.definition(),
          filter.activity(),
          filter.message(),
          filter.text(),
          filter.from(),
          filter.to());
    }
    if (!IncidentFilter.RETRYABLE.contains(filter.type())) {
      throw new ConsoleProblem(
          400,
          "Only failedJob and failedExternalTask incidents can be retried, not "
              + filter.type()
              + ".");
    }
    return filter;
  }

  /** The filter as a GET form, to change it and count again; folded unless {@code open}. */
  private static String filterForm(IncidentFilter filter, boolean open) {
    StringBuilder html =
        new StringBuilder(open ? "<details open>" : "<details>")
            .append("<summary>Change the filter</summary><form method=\"get\" action=\"")
            .append(ConsoleResource.RETRY)
            .append("\" id=\"retry-filter\"><label>Failed <select name=\"type\" id=\"type\">");
    for (String type : IncidentFilter.RETRYABLE) {
      html.append("<option value=\"")
          .append(type)
          .append(type.equals(filter.type()) ? "\" selected>" : "\">")
          .append(type.equals(Incident.FAILED_JOB) ? "jobs" : "external tasks")
          .append("</option>");
    }
    html.append("</select></label>")
        .append(field("Process definition key", "definition", filter.definition()))
        .append(field("Activity", "activity", filter.activity()))
        .append(field("Exact message", "message", filter.message()))
        .append(field("Message contains", "text", filter.text()))
        .append(timeField("Failed from (UTC)", "from", filter.from()))
        .append(timeField("Failed before (UTC)", "to", filter.to()))
        .append("<button type=\"submit\" id=\"count\">Count</button></form></details>");
    return html.toString();
  }

  private static String field(String label, String name, String value) {
    return "<label>"
        + label
        + " <input size=\"60\" name=\""
        + name
        + "\" id=\"filter-"
        + name
        + "\" value=\""
        + Html.escape(value)
        + "\"></label>";
  }

  private static String timeField(String label, String name, Instant value) {
    String local =
        value == null ? "" : value.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
    return "<label>"
        + label
        + " <input type=\"datetime-local\" step=\"1\" name=\""
        + name
        + "\" id=\"filter-"
        + name
        + "\" value=\""
        + Html.escape(local)
        + "\"></label>";
  }

  private static int retries(String value) {
    int retries;
    try {
      retries = Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw new ConsoleProblem(
          400, "Retries must be a whole number from 1 to " + MAX_RETRIES + ".");
    }
    if (retries < 1 || retries > MAX_RETRIES) {
      throw new ConsoleProblem(
          400, "Retries must be a whole number from 1 to " + MAX_RETRIES + ".");
    }
    return retries;
  }
}
