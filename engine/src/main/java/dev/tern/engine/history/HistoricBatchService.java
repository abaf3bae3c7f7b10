package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ListingService;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.authorization.ReadableRows;
import java.util.Optional;

/** Reads and deletes historic batches. */
public final class HistoricBatchService extends ListingService<HistoricBatchQuery, HistoricBatch> {

  private static final Authorizer AUTHORIZER = new Authorizer();

  private final Database database;
  private final HistoricBatchStore store = new HistoricBatchStore();

  /** Lists the historic batches the caller may read ({@code READ_HISTORY} on each). */
  public HistoricBatchService(Database database) {
    // no historic batch filter depends on the current time
    super(
        new ReadableRows<>(
            new Listing<>(database, HistoricBatchStore.COLUMNS, HistoricBatchStore.MAPPER),
            caller ->
                AUTHORIZER.readable(
                    caller,
                    "tern_hi_batch.tenant_id",
                    new Authorizer.RowCheck(
                        Permission.READ_HISTORY, Resource.BATCH, "tern_hi_batch.id"))));
    this.database = database;
  }

  /** The historic batch, if the caller has {@code READ_HISTORY} on it. */
  public Optional<HistoricBatch> find(Caller caller, String id) {
    return database.withHandle(
        handle ->
            store
                .find(handle, id)
                .filter(
                    batch ->
                        AUTHORIZER.granted(
                            handle,
                            caller,
                            PermissionCheck.of(Permission.READ_HISTORY, Resource.BATCH, id))));
  }

  /** Deletes a historic batch with {@code DELETE_HISTORY} on it. */
  public void delete(Caller caller, String id) {
    boolean deleted =
        database.inTransaction(
            handle -> {
              if (store.find(handle, id).isEmpty()) {
                return false;
              }
              AUTHORIZER.check(
                  handle, caller, PermissionCheck.of(Permission.DELETE_HISTORY, Resource.BATCH, id));
              return store.delete(handle, id);
            });
    if (!deleted) {
      throw notFound(id);
    }
  }

  public Optional<HistoricBatch> find(String id) {
    return database.withHandle(handle -> store.find(handle, id));
  }

  /**
   * Deletes a historic batch and the history of its jobs.
   *
   * @throws NotFoundException if there is no historic batch with this id
   */
  public void delete(String id) {
    boolean deleted = database.inTransaction(handle -> store.delete(handle, id));
    if (!deleted) {
      throw notFound(id);
    }
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException(
        "BadUserRequestException", "Historic batch for id '" + id + "' cannot be found");
  }
}
