package dev.tern.console;

import dev.tern.engine.incident.Incident;
import dev.tern.engine.incident.IncidentService;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /console/incidents?…}: the open incidents of a group or filter (see {@link
 * IncidentFilter}), each with its process instance and, for a failed job, its stacktrace.
 */
final class IncidentListPage {

  static final int MAX_ROWS = 500;

  private final IncidentService incidents;

  IncidentListPage(IncidentService incidents) {
    this.incidents = incidents;
  }

  void render(Context ctx, Sessions.Session session) {
    IncidentFilter filter = IncidentFilter.from(ctx::queryParam);
    long count = incidents.countIncidents(session.caller(), filter.incidents());
    List<Incident> rows =
        incidents.listIncidents(
            session.caller(), filter.incidents().orderBy("incidentTimestamp", true), 0, MAX_ROWS);
    StringBuilder body =
        new StringBuilder(filter.describe())
            .append("<p>Open incidents: <strong id=\"incident-count\">")
            .append(count)
            .append("</strong>");
    if (filter.type() != null && IncidentFilter.RETRYABLE.contains(filter.type()) && count > 0) {
      body.append(" · <a class=\"retry\" href=\"")
          .append(Html.escape(ConsoleResource.RETRY + filter.queryString()))
          .append("\">Retry…</a>");
    }
    body.append("</p>").append(table(rows));
    if (count > rows.size()) {
      body.append("<p>The oldest ").append(rows.size()).append(" are shown.</p>");
    }
    ctx.html(Html.page("Incidents", session, body.toString()));
  }

  /** A table of incidents, each linking to its instance (and its failed job's stacktrace). */
  static String table(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      return "<p id=\"no-incident-rows\">None.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            Html.tableStart(
                "incidents", "Time", "Type", "Activity", "Message", "Process instance"));
    for (Incident incident : incidents) {
      html.append("<tr class=\"incident\"><td>")
          .append(Html.time(incident.incidentTimestamp()))
          .append("</td><td>")
          .append(Html.escape(incident.incidentType()))
          .append("</td><td>")
          .append(Html.escape(incident.activityId()))
          .append("</td><td>")
          .append(Html.escape(incident.incidentMessage()));
      if (Incident.FAILED_JOB.equals(incident.incidentType()) && incident.configuration() != null) {
        html.append(" ")
            .append(
                Html.link(
                    ConsoleResource.JOBS + "/" + incident.configuration() + "/stacktrace",
                    "stacktrace"));
      }
      html.append("</td><td>")
          .append(
              incident.processInstanceId() == null
                  ? ""
                  : Html.link(
                      ConsoleResource.INSTANCES + "/" + incident.processInstanceId(),
                      incident.processInstanceId()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }
}
