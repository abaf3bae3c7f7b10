package dev.tern.console;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.BatchStatistics;
import dev.tern.engine.history.HistoricBatch;
import dev.tern.engine.history.HistoricBatchService;
import dev.tern.engine.incident.IncidentService;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /console/batches/{id}}: a batch's progress, refreshed by htmx every second from {@code
 * …/progress} until the batch has ended; with the retried group in the query string, also the
 * group's open incidents left.
 */
final class BatchPage {

  /**
   * A batch as the page shows it; ended batches are complete.
   *
   * @param elapsed since its execution started (until it ended), or null before
   */
  private record Progress(
      String type,
      int total,
      int completed,
      int remaining,
      int failed,
      boolean ended,
      Duration elapsed) {
    int percent() {
      return ended ? 100 : total == 0 ? 0 : (int) (100L * completed / total);
    }

    /** Items done per second so far, with one decimal; empty before any time has passed. */
    String rate() {
      if (elapsed == null || elapsed.toMillis() <= 0) {
        return "";
      }
      return String.format(java.util.Locale.ROOT, "%.1f", completed * 1000.0 / elapsed.toMillis());
    }
  }

  private final BatchService batches;
  private final HistoricBatchService history;
  private final IncidentService incidents;

  private final Clock clock;

  BatchPage(
      BatchService batches, HistoricBatchService history, IncidentService incidents, Clock clock) {
    this.batches = batches;
    this.history = history;
    this.incidents = incidents;
    this.clock = clock;
  }

  void render(Context ctx, Sessions.Session session) {
    String id = ctx.pathParam("id");
    ctx.html(Html.page("Batch " + id, session, fragment(ctx, session.caller(), id)));
  }

  void fragment(Context ctx, Sessions.Session session) {
    ctx.html(fragment(ctx, session.caller(), ctx.pathParam("id")));
  }

  private String fragment(Context ctx, Caller caller, String id) {
    Progress progress =
        progress(caller, id)
            .orElseThrow(() -> new ConsoleProblem(404, "No batch " + id + " that you may read."));
    Optional<IncidentFilter> group =
        Optional.of(IncidentFilter.from(ctx::queryParam)).filter(IncidentFilter::hasAny);
    StringBuilder html = new StringBuilder("<div id=\"progress\"");
    if (!progress.ended()) {
      html.append(" hx-get=\"")
          .append(
              Html.escape(
                  ConsoleResource.BATCHES
                      + "/"
                      + id
                      + "/progress"
                      + group.map(IncidentFilter::queryString).orElse("")))
          .append("\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\"");
    }
    html.append(">")
        .append("<p>Type: ")
        .append(Html.escape(progress.type()))
        .append(" · <strong id=\"batch-state\">")
        .append(progress.ended() ? "completed" : "running")
        .append("</strong></p><p><progress max=\"100\" value=\"")
        .append(progress.percent())
        .append("\"></progress> <span id=\"percent\">")
        .append(progress.percent())
        .append("%</span></p><table><tr><th>Batch jobs</th><th>done</th><th>remaining</th>")
        .append("<th>failed</th></tr><tr><td class=\"num\" id=\"total\">")
        .append(progress.total())
        .append("</td><td class=\"num\" id=\"completed\">")
        .append(progress.completed())
        .append("</td><td class=\"num\" id=\"remaining\">")
        .append(progress.remaining())
        .append("</td><td class=\"num\" id=\"failed\">")
        .append(progress.failed())
        .append("</td></tr></table>");
    if (!progress.rate().isEmpty()) {
      html.append("<p>Rate: <span id=\"rate\">")
          .append(progress.rate())
          .append("</span> per second</p>");
    }
    group.ifPresent(
        selection ->
            html.append(selection.describe())
                .append("<p>Open incidents left in this selection: <strong id=\"incidents-left\">")
                .append(incidents.countIncidents(caller, selection.incidents()))
                .append("</strong></p>"));
    return html.append("</div>").toString();
  }

  /** The running batch's statistics, else the ended batch from history. */
  private Optional<Progress> progress(Caller caller, String id) {
    List<BatchStatistics> running =
        batches.statistics(caller, BatchQuery.all().set("batchId", id), 0, 1);
    if (!running.isEmpty()) {
      BatchStatistics s = running.get(0);
      return Optional.of(
          new Progress(
              s.batch().type(),
              s.batch().totalJobs(),
              s.completedJobs(),
              s.remainingJobs(),
              s.failedJobs(),
              false,
              since(
                  s.batch().executionStartTime() == null
                      ? s.batch().startTime()
                      : s.batch().executionStartTime(),
                  clock.instant())));
    }
    return history.find(caller, id).filter(ended -> ended.endTime() != null).map(BatchPage::ended);
  }

  private static Progress ended(HistoricBatch batch) {
    Instant started =
        batch.executionStartTime() == null ? batch.startTime() : batch.executionStartTime();
    return new Progress(
        batch.type(),
        batch.totalJobs(),
        batch.totalJobs(),
        0,
        0,
        true,
        since(started, batch.endTime()));
  }

  private static Duration since(Instant start, Instant end) {
    return start == null || end == null ? null : Duration.between(start, end);
  }
}
