package dev.tern.engine.externaltask;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.time.Instant;
import java.util.List;

/**
 * The external tasks a set-retries request names, as Camunda's {@code SetRetriesForExternalTasksDto}:
 * the union of ids, the tasks of a query, and the tasks of process instances (by id, by a runtime
 * or by a historic instance query). Every part may be null. The queries are checked when the
 * selection is made (Camunda reports a bad query before the other fields of the request).
 */
public record ExternalTaskSelection(
    List<String> externalTaskIds,
    ExternalTaskQuery externalTaskQuery,
    List<String> processInstanceIds,
    ProcessInstanceQuery processInstanceQuery,
    HistoricProcessInstanceQuery historicProcessInstanceQuery) {

  static final String TABLE = "tern_external_task";

  public ExternalTaskSelection {
    if (externalTaskQuery != null) {
      externalTaskQuery.filters().validate();
    }
    if (processInstanceQuery != null) {
      processInstanceQuery.filters().validate();
    }
    if (historicProcessInstanceQuery != null) {
      historicProcessInstanceQuery.filters().validate();
    }
  }

  /**
   * The selected tasks as one SELECT of ids, each query restricted to what the caller may read; a
   * null id is refused with Camunda's message.
   */
  public IdSelection toIdSelection(Caller caller, Dialect dialect, Instant now) {
    if (externalTaskIds != null && externalTaskIds.contains(null)) {
      throw new InvalidRequestException(
          "External task id cannot be null: externalTaskIds contains null value");
    }
    return IdSelection.of(TABLE)
        .ids(externalTaskIds)
        .matching(externalTaskQuery == null ? null : externalTaskQuery.readableBy(caller).idsSql(now))
        .ofProcessInstances(processInstanceIds)
        .ofProcessInstances(
            processInstanceQuery == null
                ? null
                : processInstanceQuery.readableBy(caller).idsSql(dialect))
        .ofProcessInstances(
            historicProcessInstanceQuery == null
                ? null
                : historicProcessInstanceQuery.readableBy(caller).idsSql(dialect));
  }

  /** Camunda's answer when the selection names no task. */
  public static InvalidRequestException nothingSelected() {
    return new InvalidRequestException("externalTaskIds is empty");
  }

  /** Camunda's answer to a negative retry count. */
  public static InvalidRequestException negativeRetries() {
    return new InvalidRequestException(
        "The number of retries cannot be negative: retries is not greater than or equal to 0");
  }
}
