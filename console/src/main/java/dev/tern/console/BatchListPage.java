package dev.tern.console;

import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.BatchStatistics;
import dev.tern.engine.history.HistoricBatch;
import dev.tern.engine.history.HistoricBatchQuery;
import dev.tern.engine.history.HistoricBatchService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * {@code /console/batches}: the batches still running with their progress (the engine's batch
 * statistics, as {@code GET /batch/statistics}) and suspending, resuming and deleting one through
 * {@link BatchService} as the signed-in user ({@code UPDATE} or {@code DELETE} on the batch); then
 * the latest batches that ended.
 */
final class BatchListPage {

  static final int MAX_BATCHES = 200;

  static final int MAX_ENDED = 20;

  private final BatchService batches;
  private final HistoricBatchService history;

  BatchListPage(BatchService batches, HistoricBatchService history) {
    this.batches = batches;
    this.history = history;
  }

  void render(Context ctx, Sessions.Session session) {
    List<BatchStatistics> rows =
        batches.statistics(session.caller(), BatchQuery.all(), 0, MAX_BATCHES);
    StringBuilder body = new StringBuilder();
    if (rows.isEmpty()) {
      body.append("<p id=\"no-batches\">No batch is running.</p>");
    } else {
      body.append(
          Html.tableStart(
              "batches",
              "Batch",
              "Type",
              "Progress",
              "Total",
              "Done",
              "Remaining",
              "Failed",
              "Created by",
              "Started",
              "State",
              ""));
      for (BatchStatistics row : rows) {
        Batch batch = row.batch();
        String path = ConsoleResource.BATCHES + "/" + batch.id();
        int percent =
            batch.totalJobs() == 0 ? 0 : (int) (100L * row.completedJobs() / batch.totalJobs());
        body.append("<tr class=\"batch\" data-batch=\"")
            .append(Html.escape(batch.id()))
            .append("\"><td class=\"id\">")
            .append(Html.link(path, batch.id()))
            .append("</td><td>")
            .append(Html.escape(batch.type()))
            .append("</td><td class=\"nowrap\"><progress class=\"small\" max=\"100\" value=\"")
            .append(percent)
            .append("\"></progress> ")
            .append(percent)
            .append("%</td><td class=\"num\">")
            .append(batch.totalJobs())
            .append("</td><td class=\"num\">")
            .append(row.completedJobs())
            .append("</td><td class=\"num\">")
            .append(row.remainingJobs())
            .append("</td><td class=\"num\">")
            .append(row.failedJobs())
            .append("</td><td>")
            .append(Html.escape(batch.createUserId()))
            .append("</td><td>")
            .append(Html.time(batch.startTime()))
            .append("</td><td class=\"batch-state\">")
            .append(batch.suspended() ? "suspended" : "running")
            .append("</td><td class=\"nowrap\">")
            .append(
                batch.suspended()
                    ? Html.action(
                        session,
                        path + "/activate",
                        "Resume",
                        "batch-resume",
                        ConsoleResource.BATCHES)
                    : Html.action(
                        session,
                        path + "/suspend",
                        "Suspend",
                        "batch-suspend",
                        ConsoleResource.BATCHES))
            .append(" ")
            .append(
                Html.action(
                    session, path + "/delete", "Delete", "batch-delete", ConsoleResource.BATCHES))
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    body.append(ended(session));
    ctx.html(Html.page("Batches", session, body.toString()));
  }

  /** The latest batches that ended, as history keeps them ({@code READ_HISTORY} on each). */
  private String ended(Sessions.Session session) {
    List<HistoricBatch> rows =
        history.list(
            session.caller(),
            new HistoricBatchQuery().set("completed", true).orderBy("endTime", false),
            0,
            MAX_ENDED);
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder html =
        new StringBuilder("<h2>Recently ended</h2>")
            .append(
                Html.tableStart(
                    "ended-batches", "Batch", "Type", "Total", "Created by", "Started", "Ended"));
    for (HistoricBatch batch : rows) {
      html.append("<tr class=\"ended-batch\"><td class=\"id\">")
          .append(Html.link(ConsoleResource.BATCHES + "/" + batch.id(), batch.id()))
          .append("</td><td>")
          .append(Html.escape(batch.type()))
          .append("</td><td class=\"num\">")
          .append(batch.totalJobs())
          .append("</td><td>")
          .append(Html.escape(batch.createUserId()))
          .append("</td><td>")
          .append(Html.time(batch.startTime()))
          .append("</td><td>")
          .append(Html.time(batch.endTime()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  void suspend(Context ctx, Sessions.Session session) {
    batches.setSuspended(session.caller(), ctx.pathParam("id"), true);
    ctx.redirect(Back.of(ctx), HttpStatus.SEE_OTHER);
  }

  void activate(Context ctx, Sessions.Session session) {
    batches.setSuspended(session.caller(), ctx.pathParam("id"), false);
    ctx.redirect(Back.of(ctx), HttpStatus.SEE_OTHER);
  }

  void delete(Context ctx, Sessions.Session session) {
    batches.delete(session.caller(), ctx.pathParam("id"), false);
    ctx.redirect(Back.of(ctx), HttpStatus.SEE_OTHER);
  }
}
