package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Page;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.query.Restriction;
import java.util.List;
import java.util.Optional;

/** Look-up and queries of historic process instances (running and ended). */
public final class HistoricProcessInstanceService {

  private final Database database;
  private final Authorizer authorizer = new Authorizer();
  private final HistoricProcessInstanceStore store;

  public HistoricProcessInstanceService(Database database) {
    this.database = database;
    this.store = new HistoricProcessInstanceStore(database.dialect());
  }

  public Optional<HistoricProcessInstance> find(String id) {
    return database.withHandle(h -> store.find(h, id));
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
    return database.withHandle(h -> store.list(h, query, page));
  }

  public long count(HistoricProcessInstanceQuery query) {
    return database.withHandle(h -> store.count(h, query));
  }

  /** The historic instances the caller may read: {@code READ_HISTORY} on their definition. */
  public List<HistoricProcessInstance> list(
      Caller caller, HistoricProcessInstanceQuery query, Page page) {
    return database.withHandle(h -> store.list(h, query.readableBy(caller), page));
  }

  public long count(Caller caller, HistoricProcessInstanceQuery query) {
    return database.withHandle(h -> store.count(h, query.readableBy(caller)));
  }
}
