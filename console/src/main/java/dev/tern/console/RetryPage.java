package dev.tern.console;

import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.job.JobService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Retrying one group of failed jobs: a confirm page with the dry-run count, then a {@code
 * set-job-retries} batch over exactly those jobs ({@link BatchService#setJobRetriesAsync}, the
 * engine call of {@code POST /job/retries}, with the same authorization checks).
 */
final class RetryPage {

  static final int MAX_RETRIES = 100;

  private final JobService jobs;
  private final BatchService batches;

  RetryPage(JobService jobs, BatchService batches) {
    this.jobs = jobs;
    this.batches = batches;
  }

  void confirm(Context ctx, Sessions.Session session) {
    RetrySelection selection = RetrySelection.from(ctx::queryParam);
    long count = jobs.countJobs(session.caller(), selection.jobs(jobs));
    StringBuilder body = new StringBuilder(selection.describe());
    if (count == 0) {
      body.append("<p class=\"problem\" id=\"nothing-to-retry\">No failed job matches this group")
          .append(" any more: nothing to retry.</p>");
      ctx.status(404).html(Html.page("Retry failed jobs", session, body.toString()));
      return;
    }
    body.append("<p>Failed jobs that would be retried: <strong id=\"dry-run-count\">")
        .append(count)
        .append("</strong></p><form method=\"post\" action=\"")
        .append(ConsoleResource.RETRY)
        .append("\">")
        .append(Html.csrfField(session))
        .append(selection.hiddenFields())
        .append("<label>Retries for each job <input type=\"number\" name=\"retries\" id=\"retries\"")
        .append(" value=\"1\" min=\"1\" max=\"")
        .append(MAX_RETRIES)
        .append("\" required></label>")
        .append("<button type=\"submit\" id=\"confirm-retry\">Retry ")
        .append(count)
        .append(" jobs</button> <a href=\"")
        .append(ConsoleResource.HOME)
        .append("\">Cancel</a></form>");
    ctx.html(Html.page("Retry failed jobs", session, body.toString()));
  }

  void create(Context ctx, Sessions.Session session) {
    RetrySelection selection = RetrySelection.from(ctx::formParam);
    int retries = retries(ctx.formParam("retries"));
    if (jobs.countJobs(session.caller(), selection.jobs(jobs)) == 0) {
      throw new ConsoleProblem(404, "No failed job matches this group any more: nothing to retry.");
    }
    Batch batch =
        batches.setJobRetriesAsync(
            session.caller(), null, selection.jobs(jobs), JobRetries.of(retries));
    ctx.redirect(
        ConsoleResource.BATCHES + "/" + batch.id() + selection.queryString(), HttpStatus.SEE_OTHER);
  }

  private static int retries(String value) {
    int retries;
    try {
      retries = Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw new ConsoleProblem(400, "Retries must be a whole number from 1 to " + MAX_RETRIES + ".");
    }
    if (retries < 1 || retries > MAX_RETRIES) {
      throw new ConsoleProblem(400, "Retries must be a whole number from 1 to " + MAX_RETRIES + ".");
    }
    return retries;
  }
}
