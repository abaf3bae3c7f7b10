package dev.tern.console;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Jobs as the console shows them, and what an operator does to one: retry it (one retry, due now,
 * as {@code PUT /job/{id}/retries}), suspend or activate it, read its stacktrace. Each action goes
 * through {@link JobService} as the signed-in user, with its permission checks.
 */
final class JobActions {

  private final JobService jobs;

  JobActions(JobService jobs) {
    this.jobs = jobs;
  }

  /** A table of jobs with their actions; {@code back} is the page the actions return to. */
  static String table(Sessions.Session session, List<Job> jobs, String back) {
    if (jobs.isEmpty()) {
      return "<p id=\"no-jobs\">None.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            Html.tableStart("jobs", "Job", "Activity", "Retries", "Due", "Exception", "State", ""));
    for (Job job : jobs) {
      String path = ConsoleResource.JOBS + "/" + job.id();
      html.append("<tr class=\"job\" data-job=\"")
          .append(Html.escape(job.id()))
          .append("\"><td class=\"id\">")
          .append(Html.escape(job.id()))
          .append("</td><td>")
          .append(Html.escape(job.activityId()))
          .append("</td><td class=\"num retries\">")
          .append(job.retries())
          .append("</td><td>")
          .append(Html.time(job.dueDate()))
          .append("</td><td>")
          .append(Html.escape(job.exceptionMessage()));
      if (job.exceptionMessage() != null) {
        html.append(" ").append(Html.link(path + "/stacktrace", "stacktrace"));
      }
      html.append("</td><td class=\"job-state\">")
          .append(job.suspended() ? "suspended" : "active")
          .append("</td><td class=\"nowrap\">");
      if (job.retries() == 0) {
        html.append(Html.action(session, path + "/retry", "Retry", "job-retry", back));
      }
      html.append(
              job.suspended()
                  ? Html.action(session, path + "/activate", "Activate", "job-activate", back)
                  : Html.action(session, path + "/suspend", "Suspend", "job-suspend", back))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  void retry(Context ctx, Sessions.Session session) {
    jobs.setRetries(session.caller(), ctx.pathParam("id"), 1, null, true);
    back(ctx);
  }

  void suspend(Context ctx, Sessions.Session session) {
    suspended(ctx, session, true);
  }

  void activate(Context ctx, Sessions.Session session) {
    suspended(ctx, session, false);
  }

  private void suspended(Context ctx, Sessions.Session session, boolean suspended) {
    if (!jobs.setSuspended(session.caller(), ctx.pathParam("id"), suspended)) {
      throw new ConsoleProblem(404, "No job " + ctx.pathParam("id") + ".");
    }
    back(ctx);
  }

  void stacktrace(Context ctx, Sessions.Session session) {
    String id = ctx.pathParam("id");
    String stacktrace = jobs.getStacktrace(session.caller(), id);
    ctx.html(
        Html.page(
            "Stacktrace of job " + id,
            session,
            stacktrace == null
                ? "<p id=\"no-stacktrace\">This job has no stacktrace.</p>"
                : "<pre class=\"stacktrace\" id=\"stacktrace\">"
                    + Html.escape(stacktrace)
                    + "</pre>"));
  }

  private static void back(Context ctx) {
    ctx.redirect(Back.of(ctx), HttpStatus.SEE_OTHER);
  }
}
