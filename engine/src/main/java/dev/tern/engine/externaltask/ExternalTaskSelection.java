package dev.tern.engine.externaltask;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.query.SqlFragment;
import java.util.List;

/**
 * The external tasks a set-retries request names, as Camunda's {@code SetRetriesForExternalTasksDto}:
 * the union of ids, the tasks of a query, and the tasks of process instances (by id, by a runtime
 * or by a historic instance query). Every part may be null.
 *
 * @param externalTaskQuery a sub-select of task ids (see {@link
 *     ExternalTaskRetriesService#idsSql})
 * @param processInstanceQuery a sub-select of process instance ids
 * @param historicProcessInstanceQuery a sub-select of (historic) process instance ids
 */
public record ExternalTaskSelection(
    List<String> externalTaskIds,
    SqlFragment externalTaskQuery,
    List<String> processInstanceIds,
    SqlFragment processInstanceQuery,
    SqlFragment historicProcessInstanceQuery) {

  static final String TABLE = "tern_external_task";

  /** The selected tasks as one SELECT of ids; a null id is refused with Camunda's message. */
  public IdSelection toIdSelection() {
    if (externalTaskIds != null && externalTaskIds.contains(null)) {
      throw new InvalidRequestException(
          "External task id cannot be null: externalTaskIds contains null value");
    }
    return IdSelection.of(TABLE)
        .ids(externalTaskIds)
        .matching(externalTaskQuery)
        .ofProcessInstances(processInstanceIds)
        .ofProcessInstances(processInstanceQuery)
        .ofProcessInstances(historicProcessInstanceQuery);
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
