package dev.tern.engine.incident;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadableRows;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Columns;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.SqlFragment;
import java.time.Clock;
import java.util.List;

/** The engine API for runtime incidents. */
public final class IncidentService {

  private final Database database;
  private final IncidentStore incidents;
  private final Authorizer authorizer = new Authorizer();
  /** Incidents of instances the caller may read. */
  private final ReadableRows<Incident> rows;

  public IncidentService(Database database, Clock clock, IncidentStore incidents) {
    this.database = database;
    this.incidents = incidents;
    this.rows =
        new ReadableRows<>(
            new Listing<>(
                database, clock, Columns.qualified("i", IncidentStore.COLUMNS), IncidentStore.MAPPER),
            caller ->
                authorizer.instanceReadable(
                    caller, "i.process_instance_id", "i.proc_def_key", "i.tenant_id"));
  }

  public IncidentQuery createIncidentQuery() {
    return new IncidentQuery();
  }

  public Incident getIncident(String id) {
    return database
        .withHandle(handle -> incidents.findById(handle, id))
        .orElseThrow(() -> new NotFoundException("No matching incident with id " + id));
  }

  public List<Incident> listIncidents(IncidentQuery query, int firstResult, int maxResults) {
    return rows.all().list(query.filters(), firstResult, maxResults);
  }

  /** The incidents of instances the caller may read. */
  public List<Incident> listIncidents(Caller caller, IncidentQuery query, int first, int max) {
    return rows.list(caller, query, first, max);
  }

  public long countIncidents(Caller caller, IncidentQuery query) {
    return rows.count(caller, query);
  }

  /**
   * The open incidents of {@code query} that the caller may read, grouped ({@link IncidentGroup}):
   * the largest {@code max} groups.
   */
  public List<IncidentGroup> groupIncidents(Caller caller, IncidentQuery query, int max) {
    SqlFragment fromWhere =
        query.filters().restricted(rows.readableBy(caller)).fromWhere("g", database.dialect(), null);
    return database.withHandle(h -> incidents.groups(h, fromWhere, Math.max(0, max)));
  }

  public long countIncidents(IncidentQuery query) {
    return rows.all().count(query.filters());
  }
}
