package dev.tern.console;

import dev.tern.engine.deployment.Deployment;
import dev.tern.engine.deployment.DeploymentQuery;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.DeploymentWithDefinitions;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.query.Page;
import dev.tern.rest.support.MultipartForms;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/deployments}: the latest deployments, and deploying a BPMN file as {@code POST
 * /deployment/create} does.
 */
final class DeploymentsPage {

  private final DeploymentService deployments;

  DeploymentsPage(DeploymentService deployments) {
    this.deployments = deployments;
  }

  static final int MAX_DEPLOYMENTS = 100;

  /** The upload form and the latest deployments the user may read. */
  void form(Context ctx, Sessions.Session session) {
    ctx.html(Html.page("Deployments", session, form(session) + list(session)));
  }

  private String list(Sessions.Session session) {
    List<Deployment> rows =
        deployments.queryDeployments(
            session.caller(),
            DeploymentQuery.all().orderBy("deploymentTime", false),
            Page.of(0, MAX_DEPLOYMENTS));
    if (rows.isEmpty()) {
      return "<p id=\"no-deployments\">No deployments yet.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            "<h2>Latest deployments</h2>"
                + Html.tableStart("deployments", "Deployment", "Name", "Source", "Deployed"));
    for (Deployment deployment : rows) {
      html.append("<tr class=\"deployment\"><td><code>")
          .append(Html.escape(deployment.id()))
          .append("</code></td><td>")
          .append(Html.escape(deployment.name()))
          .append("</td><td>")
          .append(Html.escape(deployment.source()))
          .append("</td><td>")
          .append(Html.time(deployment.deploymentTime()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  void upload(Context ctx, Sessions.Session session) {
    Part file = MultipartForms.byName(ctx).get("file");
    if (file == null
        || file.getSubmittedFileName() == null
        || file.getSubmittedFileName().isBlank()) {
      throw new ConsoleProblem(400, "Choose a BPMN file to deploy.");
    }
    String name = file.getSubmittedFileName();
    DeploymentWithDefinitions result;
    try {
      result =
          deployments.deploy(
              session.caller(),
              NewDeployment.of(Map.of(name, MultipartForms.bytes(file)))
                  .withName(name)
                  .withSource("console"));
    } catch (ParseException e) {
      throw new ConsoleProblem(400, name + " is not a deployable process: " + e.getMessage());
    }
    StringBuilder body =
        new StringBuilder("<div class=\"ok\" id=\"deployed\"><p>Deployed ")
            .append(Html.escape(name))
            .append(" as deployment <code>")
            .append(Html.escape(result.deployment().id()))
            .append("</code>.</p><ul>");
    for (ProcessDefinition definition : result.deployedProcessDefinitions()) {
      body.append("<li class=\"definition\">")
          .append(Html.link(ConsoleResource.DEFINITIONS + "/" + definition.id(), definition.key()))
          .append(" version ")
          .append(definition.version())
          .append("</li>");
    }
    body.append("</ul></div>").append(form(session));
    ctx.html(Html.page("Deployments", session, body.append(list(session)).toString()));
  }

  private static String form(Sessions.Session session) {
    return "<form method=\"post\" enctype=\"multipart/form-data\" action=\""
        + ConsoleResource.DEPLOYMENTS
        + "\">"
        + Html.csrfField(session)
        + "<label>BPMN file <input type=\"file\" name=\"file\" id=\"file\""
        + " accept=\".bpmn,.bpmn20.xml,.xml\" required></label>"
        + "<button type=\"submit\" id=\"deploy\">Deploy</button></form>";
  }
}
