package dev.tern.console;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoricActivityInstance;
import dev.tern.engine.history.HistoricActivityInstanceQuery;
import dev.tern.engine.history.HistoricProcessInstance;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.incident.Incident;
import dev.tern.engine.incident.IncidentQuery;
import dev.tern.engine.job.Job;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.ActivityInstance;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.RuntimeProcessInstance;
import dev.tern.engine.runtime.TypedValue;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /console/instances/{id}}: one process instance (running, or ended as history keeps it)
 * with its diagram, variables, activity history, jobs (retry, suspend, activate) and incidents.
 * Every part is read as the signed-in user, so what they may not read is not shown.
 */
final class InstancePage {

  static final int MAX_ROWS = 500;

  private final ProcessEngine engine;

  InstancePage(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A table of running instances, each linking to its page. */
  static String table(List<RuntimeProcessInstance> instances) {
    if (instances.isEmpty()) {
      return "<p id=\"no-instances\">None.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            Html.tableStart("instances", "Instance", "Business key", "Started", "State"));
    for (RuntimeProcessInstance instance : instances) {
      html.append("<tr class=\"instance\"><td>")
          .append(Html.link(ConsoleResource.INSTANCES + "/" + instance.id(), instance.id()))
          .append("</td><td>")
          .append(Html.escape(instance.businessKey()))
          .append("</td><td>")
          .append(Html.time(instance.startTime()))
          .append("</td><td>")
          .append(instance.suspended() ? "suspended" : "running")
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  void show(Context ctx, Sessions.Session session) {
    Caller caller = session.caller();
    String id = ctx.pathParam("id");
    Optional<RuntimeProcessInstance> running = running(caller, id);
    HistoricProcessInstance history = history(caller, id).orElse(null);
    if (running.isEmpty() && history == null) {
      throw new ConsoleProblem(404, "No process instance " + id + " that you may read.");
    }
    String definitionId =
        running
            .map(RuntimeProcessInstance::processDefinitionId)
            .orElseGet(history::processDefinitionId);
    String definitionKey =
        running
            .map(RuntimeProcessInstance::processDefinitionKey)
            .orElseGet(history::processDefinitionKey);
    String back = ConsoleResource.INSTANCES + "/" + id;

    List<HistoricActivityInstance> activities = activities(caller, id);
    IncidentQuery incidentQuery = new IncidentQuery().set("processInstanceId", id);
    List<Incident> incidents =
        engine.incidentService().listIncidents(caller, incidentQuery, 0, MAX_ROWS);
    List<Job> jobs =
        engine
            .jobService()
            .listJobs(
                caller, engine.jobService().createJobQuery().processInstanceId(id), 0, MAX_ROWS);

    StringBuilder body =
        new StringBuilder("<p>Process ")
            .append(Html.link(ConsoleResource.DEFINITIONS + "/" + definitionId, definitionKey))
            .append(" · business key ")
            .append(
                Html.escape(
                    running
                        .map(RuntimeProcessInstance::businessKey)
                        .orElse(history == null ? null : history.businessKey())))
            .append(" · <strong id=\"instance-state\">")
            .append(state(running, history))
            .append("</strong></p><div id=\"diagram\" data-xml=\"")
            .append(Html.escape(ConsoleResource.DEFINITIONS + "/" + definitionId + "/xml"))
            .append("\"></div>")
            .append(
                currentActivities(
                    running.isPresent()
                        ? engine.processInstances().activityInstances(caller, id)
                        : null,
                    incidents));
    body.append("<h2>Variables</h2>")
        .append(
            variables(
                running.isPresent()
                    ? engine.processInstances().variables(caller, id)
                    : historicVariables(caller, id)));
    body.append("<h2>Incidents</h2>")
        .append(IncidentListPage.table(incidents))
        .append("<h2>Jobs</h2>")
        .append(JobActions.table(session, jobs, back))
        .append("<h2>Activity history</h2>")
        .append(history(activities));
    ctx.html(Html.diagramPage("Process instance " + id, session, body.toString()));
  }

  private Optional<RuntimeProcessInstance> running(Caller caller, String id) {
    ProcessInstanceQuery query = new ProcessInstanceQuery();
    query.filters().set("processInstanceIds", List.of(id));
    return engine.processInstances().list(caller, query, Page.of(0, 1)).stream().findFirst();
  }

  private Optional<HistoricProcessInstance> history(Caller caller, String id) {
    HistoricProcessInstanceQuery query = new HistoricProcessInstanceQuery();
    query.filters().set("processInstanceId", id);
    return engine.historicProcessInstances().list(caller, query, Page.of(0, 1)).stream()
        .findFirst();
  }

  private List<HistoricActivityInstance> activities(Caller caller, String id) {
    HistoricActivityInstanceQuery query =
        new HistoricActivityInstanceQuery().set("processInstanceId", id).orderBy("startTime", true);
    return engine.historicActivityInstances().list(caller, query, Page.of(0, MAX_ROWS));
  }

  /** An ended instance's variables as history kept them (none when history is off). */
  private Map<String, TypedValue> historicVariables(Caller caller, String id) {
    Map<String, TypedValue> variables = new TreeMap<>();
    engine
        .historicVariableInstances()
        .list(
            caller,
            engine.historicVariableInstances().createQuery().processInstanceId(id),
            Page.of(0, MAX_ROWS))
        .stream()
        .filter(variable -> !"DELETED".equals(variable.state()))
        .forEach(variable -> variables.put(variable.name(), variable.value()));
    return variables;
  }

  private static String state(
      Optional<RuntimeProcessInstance> running, HistoricProcessInstance history) {
    if (running.isPresent()) {
      return running.get().suspended() ? "suspended" : "running";
    }
    return "ended " + Html.time(history.endTime()) + " (" + Html.escape(history.state()) + ")";
  }

  /**
   * Where the instance's tokens are (its activity instances, and transition instances waiting
   * before an asynchronous continuation) and its incidents per activity, drawn on the diagram.
   *
   * @param tree the running instance's activity instances, or null when it has ended
   */
  private static String currentActivities(ActivityInstance tree, List<Incident> incidents) {
    Map<String, int[]> counts = new TreeMap<>();
    if (tree != null) {
      countTokens(tree, counts);
    }
    for (Incident incident : incidents) {
      if (incident.activityId() != null) {
        counts.computeIfAbsent(incident.activityId(), a -> new int[2])[1]++;
      }
    }
    if (counts.isEmpty()) {
      return "";
    }
    StringBuilder html =
        new StringBuilder(Html.tableStart("activity-counts", "Activity", "Running", "Incidents"));
    counts.forEach(
        (activity, n) ->
            html.append(DefinitionsPage.activityRow(activity, n[0], n[1]))
                .append("<td class=\"num\">")
                .append(n[1])
                .append("</td></tr>"));
    return html.append("</tbody></table>").toString();
  }

  private static void countTokens(ActivityInstance scope, Map<String, int[]> counts) {
    for (ActivityInstance child : scope.childActivityInstances()) {
      counts.computeIfAbsent(child.activityId(), a -> new int[2])[0]++;
      countTokens(child, counts);
    }
    for (ActivityInstance.TransitionInstance transition : scope.childTransitionInstances()) {
      counts.computeIfAbsent(transition.activityId(), a -> new int[2])[0]++;
    }
  }

  private static String variables(Map<String, TypedValue> variables) {
    if (variables.isEmpty()) {
      return "<p id=\"no-variables\">None.</p>";
    }
    StringBuilder html = new StringBuilder(Html.tableStart("variables", "Name", "Type", "Value"));
    new TreeMap<>(variables)
        .forEach(
            (name, value) ->
                html.append("<tr class=\"variable\"><td>")
                    .append(Html.escape(name))
                    .append("</td><td>")
                    .append(Html.escape(value.type().camundaName()))
                    .append("</td><td>")
                    .append(Html.escape(preview(value.value())))
                    .append("</td></tr>"));
    return html.append("</tbody></table>").toString();
  }

  /** A value as text, cut at 200 characters (bytes and objects are not shown whole). */
  private static String preview(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return bytes.length + " bytes";
    }
    String text = String.valueOf(value);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String history(List<HistoricActivityInstance> activities) {
    if (activities.isEmpty()) {
      return "<p>No activity history (history may be off).</p>";
    }
    StringBuilder html =
        new StringBuilder(
            Html.tableStart(
                "activity-history", "Activity", "Type", "Started", "Ended", "Duration (ms)"));
    for (HistoricActivityInstance activity : activities) {
      html.append("<tr class=\"activity\"><td>")
          .append(
              Html.escape(
                  activity.activityName() == null
                      ? activity.activityId()
                      : activity.activityName()))
          .append("</td><td>")
          .append(Html.escape(activity.activityType()))
          .append("</td><td>")
          .append(Html.time(activity.startTime()))
          .append("</td><td>")
          .append(activity.endTime() == null ? "" : Html.time(activity.endTime()))
          .append(activity.canceled() ? " (canceled)" : "")
          .append("</td><td class=\"num\">")
          .append(activity.durationInMillis() == null ? "" : activity.durationInMillis())
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }
}
