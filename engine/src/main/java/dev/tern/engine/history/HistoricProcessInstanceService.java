package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.util.List;
import java.util.Optional;

/** Look-up and queries of historic process instances (running and ended). */
public final class HistoricProcessInstanceService {

  // no filter of historic instances depends on the current time
  private final Listing<HistoricProcessInstance> rows;

  public HistoricProcessInstanceService(Database database) {
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

  /** The historic instances the caller may read: {@code READ_HISTORY} on their definition. */
  public List<HistoricProcessInstance> list(
      Caller caller, HistoricProcessInstanceQuery query, Page page) {
    return list(query.readableBy(caller), page);
  }

  public long count(Caller caller, HistoricProcessInstanceQuery query) {
    return count(query.readableBy(caller));
  }
}
