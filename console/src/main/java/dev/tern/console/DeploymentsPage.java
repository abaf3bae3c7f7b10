package dev.tern.console;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.DeploymentWithDefinitions;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.rest.support.MultipartForms;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.util.Map;

/** {@code /console/deployments}: deploying a BPMN file, as {@code POST /deployment/create} does. */
final class DeploymentsPage {

  private final DeploymentService deployments;

  DeploymentsPage(DeploymentService deployments) {
    this.deployments = deployments;
  }

  void form(Context ctx, Sessions.Session session) {
    ctx.html(Html.page("Deploy a process", session, form(session)));
  }

  void upload(Context ctx, Sessions.Session session) {
    Part file = MultipartForms.byName(ctx).get("file");
    if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
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
          .append(Html.escape(definition.key()))
          .append(" version ")
          .append(definition.version())
          .append("</li>");
    }
    body.append("</ul></div>").append(form(session));
    ctx.html(Html.page("Deploy a process", session, body.toString()));
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
