package dev.tern.engine.externaltask;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Authorizer.RowCheck;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.history.UserOperationLogEntry;
import dev.tern.engine.history.OperationLog;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.query.SqlFragment;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Sets the retries of many external tasks at once ({@code PUT /external-task/retries}), in one
 * transaction, a page of tasks at a time so memory stays flat however many are selected; the
 * asynchronous variant is a batch ({@code BatchService#setExternalTaskRetriesAsync}).
 */
public final class ExternalTaskRetriesService {

  /** Tasks updated per statement group; bounds the ids held in memory. */
  static final int PAGE = 1000;

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final ExternalTaskStore store;
  private final OperationLog operationLog;
  private final Authorizer authorizer = new Authorizer();

  public ExternalTaskRetriesService(
      Database database, Clock clock, Ids ids, ExternalTaskStore store, OperationLog operationLog) {
    this.database = database;
    this.operationLog = operationLog;
    this.clock = clock;
    this.ids = ids;
    this.store = store;
  }

  /**
   * Sets the retries of the selected tasks with Camunda's checks in Camunda's order: a null id,
   * then an empty selection, then a negative count, then an id that names no task (404), then
   * {@code UPDATE} on each task's process instance (or {@code UPDATE_INSTANCE} on its definition).
   * Nothing is written unless all pass. Retries above 0 resolve failedExternalTask incidents, 0
   * opens them.
   */
  public void setRetries(Caller caller, ExternalTaskSelection selection, int retries) {
    IdSelection items = selection.toIdSelection(caller, database.dialect(), clock.instant());
    database.useTransaction(
        h -> {
          boolean namedIds =
              selection.externalTaskIds() != null && !selection.externalTaskIds().isEmpty();
          if (items.isEmpty() || (!namedIds && store.idsAfter(h, items, null, 1).isEmpty())) {
            throw ExternalTaskSelection.nothingSelected();
          }
          if (retries < 0) {
            throw ExternalTaskSelection.negativeRetries();
          }
          if (namedIds) {
            List<String> missing = store.missing(h, selection.externalTaskIds());
            if (!missing.isEmpty()) {
              throw new NotFoundException(
                  "InvalidRequestException",
                  "Cannot find external task with id " + missing.get(0) + ": externalTask is null");
            }
          }
          checkUpdatable(h, caller, items);
          long changed = 0;
          String after = null;
          List<String> page;
          do {
            page = store.idsAfter(h, items, after, PAGE);
            changed += store.setRetries(h, page, retries);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
          } while (page.size() == PAGE);
          if (caller.userId() != null) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("nrOfInstances", Long.toString(changed));
            properties.put("async", "false");
            properties.put("retries", Integer.toString(retries));
            operationLog.insert(
                h,
                UserOperationLogEntry.ofOperation(
                    ids::next,
                    caller.userId(),
                    clock.instant(),
                    UserOperationLogEntry.OPERATION_TYPE_SET_EXTERNAL_TASK_RETRIES,
                    UserOperationLogEntry.ENTITY_TYPE_EXTERNAL_TASK,
                    properties));
          }
        });
  }

  /** Camunda checks each task's instance for {@code UPDATE}; this asks for the first refused. */
  private void checkUpdatable(Handle h, Caller caller, IdSelection items) {
    Binds binds = new Binds("au");
    String granted =
        authorizer.rowCondition(
            caller,
            binds::add,
            new RowCheck(Permission.UPDATE, Resource.PROCESS_INSTANCE, "t.process_instance_id"),
            new RowCheck(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, "t.proc_def_key"));
    if (granted == null) {
      return;
    }
    store
        .firstWhereNot(h, items, new SqlFragment(granted, binds.values()))
        .ifPresent(
            task -> {
              throw new AuthorizationException(
                  caller.userId(),
                  List.of(
                      new AuthorizationException.Missing(
                          Permission.UPDATE.name(),
                          Resource.PROCESS_INSTANCE.resourceName(),
                          task.processInstanceId()),
                      new AuthorizationException.Missing(
                          Permission.UPDATE_INSTANCE.name(),
                          Resource.PROCESS_DEFINITION.resourceName(),
                          task.processDefinitionKey())));
            });
  }
}
