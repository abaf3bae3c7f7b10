package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.persistence.Database;
import java.util.List;
import java.util.Optional;

/** Reads and deletes historic batches. */
public final class HistoricBatchService {

  private final Database database;
  private final HistoricBatchStore store = new HistoricBatchStore();

  public HistoricBatchService(Database database) {
    this.database = database;
  }

  public Optional<HistoricBatch> find(String id) {
    return database.withHandle(handle -> store.find(handle, id));
  }

  public List<HistoricBatch> list(HistoricBatchQuery query, int firstResult, int maxResults) {
    return database.withHandle(handle -> store.list(handle, query, firstResult, maxResults));
  }

  public long count(HistoricBatchQuery query) {
    return database.withHandle(handle -> store.count(handle, query));
  }

  /**
   * Deletes a historic batch and the history of its jobs.
   *
   * @throws NotFoundException if there is no historic batch with this id
   */
  public void delete(String id) {
    boolean deleted = database.inTransaction(handle -> store.delete(handle, id));
    if (!deleted) {
      throw new NotFoundException(
          "BadUserRequestException", "Historic batch for id '" + id + "' cannot be found");
    }
  }
}
