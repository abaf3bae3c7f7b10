package dev.tern.console;

import dev.tern.engine.incident.IncidentGroup;
import dev.tern.engine.incident.IncidentQuery;
import dev.tern.engine.incident.IncidentService;
import io.javalin.http.Context;
import java.util.List;

/** {@code /console}: the open incidents, grouped by type, definition, activity and message. */
final class IncidentsPage {

  static final int MAX_GROUPS = 200;
  static final String FAILED_JOB = "failedJob";

  private final IncidentService incidents;

  IncidentsPage(IncidentService incidents) {
    this.incidents = incidents;
  }

  void render(Context ctx, Sessions.Session session) {
    List<IncidentGroup> groups =
        incidents.groupIncidents(session.caller(), new IncidentQuery(), MAX_GROUPS);
    StringBuilder body = new StringBuilder();
    if (groups.isEmpty()) {
      body.append("<p class=\"ok\" id=\"no-incidents\">No open incidents.</p>");
    } else {
      body.append(
          Html.tableStart(
              "incident-groups",
              "Process definition",
              "Activity",
              "Type",
              "Message",
              "Incidents",
              "Oldest",
              "Newest",
              ""));
      for (IncidentGroup group : groups) {
        body.append("<tr class=\"incident-group\"><td>")
            .append(Html.escape(group.processDefinitionKey()))
            .append("</td><td>")
            .append(Html.escape(group.activityId()))
            .append("</td><td>")
            .append(Html.escape(group.incidentType()))
            .append("</td><td class=\"message\">")
            .append(
                group.incidentMessage() == null
                    ? "<em>no message</em>"
                    : Html.escape(group.incidentMessage()))
            .append("</td><td class=\"num count\">")
            .append(group.count())
            .append("</td><td>")
            .append(Html.time(group.oldest()))
            .append("</td><td>")
            .append(Html.time(group.newest()))
            .append("</td><td>")
            .append(retryLink(group))
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
      body.append("<p>")
          .append(Html.link(ConsoleResource.RETRY, "Retry by filter…"))
          .append("</p>");
      if (groups.size() == MAX_GROUPS) {
        body.append("<p>The ").append(MAX_GROUPS).append(" largest groups are shown.</p>");
      }
    }
    ctx.html(Html.page("Open incidents", session, body.toString()));
  }

  /**
   * The group's incidents and, for failed jobs and external tasks, its retry. A group without a
   * message cannot be named exactly (a filter without a message takes every message): it links to
   * the retry filter of its activity instead, whose count says what it would take.
   */
  private static String retryLink(IncidentGroup group) {
    IncidentFilter filter =
        IncidentFilter.group(
            group.incidentType(),
            group.processDefinitionKey(),
            group.activityId(),
            group.incidentMessage());
    boolean retryable = IncidentFilter.RETRYABLE.contains(group.incidentType());
    if (group.incidentMessage() == null) {
      return retryable
          ? "<a class=\"retry-filter\" href=\""
              + Html.escape(ConsoleResource.RETRY + filter.queryString())
              + "\">Retry by filter…</a>"
          : "";
    }
    String links =
        "<a class=\"drill\" href=\""
            + Html.escape(ConsoleResource.INCIDENTS + filter.queryString())
            + "\">Instances</a>";
    return retryable
        ? links
            + " · <a class=\"retry\" href=\""
            + Html.escape(ConsoleResource.RETRY + filter.queryString())
            + "\">Retry…</a>"
        : links;
  }
}
