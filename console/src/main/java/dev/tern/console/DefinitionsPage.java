package dev.tern.console;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.ProcessInstanceService;
import dev.tern.engine.runtime.RuntimeProcessInstance;
import dev.tern.engine.statistics.ActivityStatistics;
import dev.tern.engine.statistics.IncidentCount;
import dev.tern.engine.statistics.ProcessDefinitionStatistics;
import dev.tern.engine.statistics.StatisticsOptions;
import dev.tern.engine.statistics.StatisticsService;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /console/definitions}: the process definitions the user may read with their running
 * instances, failed jobs and incidents (the engine's definition statistics, as {@code GET
 * /process-definition/statistics}); one definition's page draws its diagram with the per-activity
 * statistics on it and lists its running instances.
 */
final class DefinitionsPage {

  static final int MAX_INSTANCES = 100;
  private static final StatisticsOptions ALL_COUNTS =
      new StatisticsOptions(true, true, false, null);

  private final StatisticsService statistics;
  private final DeploymentService deployments;
  private final ProcessInstanceService instances;

  DefinitionsPage(
      StatisticsService statistics,
      DeploymentService deployments,
      ProcessInstanceService instances) {
    this.statistics = statistics;
    this.deployments = deployments;
    this.instances = instances;
  }

  void list(Context ctx, Sessions.Session session) {
    List<ProcessDefinitionStatistics> rows =
        statistics.byProcessDefinition(session.caller(), ALL_COUNTS);
    StringBuilder body = new StringBuilder();
    if (rows.isEmpty()) {
      body.append("<p id=\"no-definitions\">No process definitions: deploy one.</p>");
    } else {
      body.append(
          Html.tableStart(
              "definitions",
              "Key",
              "Name",
              "Version",
              "Running instances",
              "Failed jobs",
              "Incidents",
              "State"));
      for (ProcessDefinitionStatistics row : rows) {
        ProcessDefinition definition = row.definition();
        body.append("<tr class=\"definition\"><td>")
            .append(
                Html.link(ConsoleResource.DEFINITIONS + "/" + definition.id(), definition.key()))
            .append("</td><td>")
            .append(Html.escape(definition.name()))
            .append("</td><td class=\"num\">")
            .append(definition.version())
            .append("</td><td class=\"num instances\">")
            .append(row.instances())
            .append("</td><td class=\"num\">")
            .append(row.failedJobs())
            .append("</td><td class=\"num incidents\">")
            .append(incidents(row.incidents()))
            .append("</td><td>")
            .append(definition.suspended() ? "suspended" : "active")
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    ctx.html(Html.page("Process definitions", session, body.toString()));
  }

  void show(Context ctx, Sessions.Session session) {
    String id = ctx.pathParam("id");
    ProcessDefinition definition = deployments.getProcessDefinition(session.caller(), id);
    List<ActivityStatistics> activities = statistics.byActivity(session.caller(), id, ALL_COUNTS);
    ProcessInstanceQuery query = new ProcessInstanceQuery();
    query.filters().set("processDefinitionId", id).orderBy("instanceId", true);
    List<RuntimeProcessInstance> running =
        instances.list(session.caller(), query, Page.of(0, MAX_INSTANCES));
    long count = instances.count(session.caller(), query);

    StringBuilder body =
        new StringBuilder("<p>")
            .append(Html.escape(definition.name()))
            .append(" · version ")
            .append(definition.version())
            .append(" · deployment <code>")
            .append(Html.escape(definition.deploymentId()))
            .append("</code> · ")
            .append(definition.suspended() ? "suspended" : "active")
            .append("</p><div id=\"diagram\" data-xml=\"")
            .append(Html.escape(ConsoleResource.DEFINITIONS + "/" + id + "/xml"))
            .append("\"></div>")
            .append(activityTable(activities))
            .append("<h2>Running instances (<span id=\"instance-count\">")
            .append(count)
            .append("</span>)</h2>")
            .append(InstancePage.table(running));
    if (count > running.size()) {
      body.append("<p>The first ").append(running.size()).append(" are shown.</p>");
    }
    ctx.html(
        Html.diagramPage(
            definition.key() + " version " + definition.version(), session, body.toString()));
  }

  /** The definition's BPMN XML, for the diagram script. */
  void xml(Context ctx, Sessions.Session session) {
    ctx.contentType("application/xml; charset=utf-8")
        .result(deployments.getProcessDefinitionXml(session.caller(), ctx.pathParam("id")));
  }

  /** One row per activity, read by {@code diagram.js} to draw its counts on the diagram. */
  static String activityTable(List<ActivityStatistics> activities) {
    if (activities.isEmpty()) {
      return "<p id=\"no-activity-counts\">No running tokens, failed jobs or incidents.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            Html.tableStart("activity-counts", "Activity", "Running", "Failed jobs", "Incidents"));
    for (ActivityStatistics activity : activities) {
      int incidents = activity.incidents().stream().mapToInt(IncidentCount::incidentCount).sum();
      html.append(activityRow(activity.activityId(), activity.instances(), incidents))
          .append("<td class=\"num\">")
          .append(activity.failedJobs())
          .append("</td><td class=\"num\">")
          .append(incidents(activity.incidents()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  /** The opening of an activity's row, with the counts diagram.js reads, and its first cells. */
  static String activityRow(String activityId, int running, int incidents) {
    return "<tr class=\"activity-counts\" data-activity=\""
        + Html.escape(activityId)
        + "\" data-running=\""
        + running
        + "\" data-incidents=\""
        + incidents
        + "\"><td>"
        + Html.escape(activityId)
        + "</td><td class=\"num\">"
        + running
        + "</td>";
  }

  private static String incidents(List<IncidentCount> counts) {
    int total = counts.stream().mapToInt(IncidentCount::incidentCount).sum();
    if (total == 0) {
      return "0";
    }
    StringBuilder out = new StringBuilder().append(total).append(" (");
    for (int i = 0; i < counts.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append(counts.get(i).incidentCount())
          .append(' ')
          .append(Html.escape(counts.get(i).incidentType()));
    }
    return out.append(')').toString();
  }
}
