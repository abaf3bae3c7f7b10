package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.util.List;
import java.util.Optional;

/** Look-up and queries of historic process instances (running and ended). */
public final class HistoricProcessInstanceService {

  // no filter of historic instances depends on the current time
  private final Listing<HistoricProcessInstance> rows;
  private final Database database;
  private final InstanceHistoryRemoval removal;
  private final Authorizer authorizer = new Authorizer();

  /** Reads only; deleting needs {@link #HistoricProcessInstanceService(Database, InstanceHistoryRemoval)}. */
  public HistoricProcessInstanceService(Database database) {
    this(database, (handle, ids) -> {
      throw new UnsupportedOperationException("no history removal wired");
    });
  }

  /** @param removal deletes every history table's rows of instances */
  public HistoricProcessInstanceService(Database database, InstanceHistoryRemoval removal) {
    this.database = database;
    this.removal = removal;
    this.rows =
        new Listing<>(
            database,
            HistoricProcessInstanceQuery.COLUMNS,
            RecordMapper.of(HistoricProcessInstance.class, HistoricProcessInstanceQuery.COLUMNS));
  }

  public Optional<HistoricProcessInstance> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return rows.first(
        HistoricProcessInstanceQuery.builder().set("processInstanceId", id).build().filters());
  }

  /**
   * @throws NotFoundException if history has no instance with this id
   */
  public HistoricProcessInstance get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Historic process instance with id " + id + " does not exist"));
  }

  public List<HistoricProcessInstance> list(HistoricProcessInstanceQuery query, Page page) {
    return rows.list(query.filters(), page);
  }

  public long count(HistoricProcessInstanceQuery query) {
    return rows.count(query.filters());
  }

  /**
   * Deletes an ended instance's history from every history table, with {@code DELETE_HISTORY} on
   * its definition. As in Camunda's REST, an unknown instance and one still running are both
   * "does not exist" (404); with {@code failIfNotExists} false an unknown one is no error.
   *
   * @throws NotFoundException for an unknown (when {@code failIfNotExists}) or running instance
   */
  public void delete(Caller caller, String id, boolean failIfNotExists) {
    database.useTransaction(
        handle -> {
          Optional<HistoricProcessInstance> found =
              Rows.findForUpdate(
                  handle,
                  "tern_hi_process_instance hpi",
                  HistoricProcessInstanceQuery.COLUMNS,
                  RecordMapper.of(HistoricProcessInstance.class, HistoricProcessInstanceQuery.COLUMNS),
                  id);
          if (found.isEmpty() && !failIfNotExists) {
            return;
          }
          HistoricProcessInstance instance = found.orElseThrow(() -> notFound(id));
          authorizer.check(
              handle,
              caller,
              PermissionCheck.of(
                  Permission.DELETE_HISTORY, Resource.PROCESS_DEFINITION, instance.processDefinitionKey()));
          if (instance.endTime() == null) {
            throw notFound(id);
          }
          removal.deleteOfProcessInstances(handle, List.of(id));
        });
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("Historic process instance with id " + id + " does not exist");
  }

  /** The historic instances the caller may read: {@code READ_HISTORY} on their definition. */
  public List<HistoricProcessInstance> list(
      Caller caller, HistoricProcessInstanceQuery query, Page page) {
    return list(query.readableBy(caller), page);
  }

  public long count(Caller caller, HistoricProcessInstanceQuery query) {
    return count(query.readableBy(caller));
  }
}
