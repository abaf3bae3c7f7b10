package dev.tern.engine.incident;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The engine API for runtime incidents. */
public final class IncidentService {

  private final Database database;
  private final Clock clock;
  private final IncidentStore incidents;
  private final Authorizer authorizer = new Authorizer();

  public IncidentService(Database database, Clock clock, IncidentStore incidents) {
    this.database = database;
    this.clock = clock;
    this.incidents = incidents;
  }

  public IncidentQuery createIncidentQuery() {
    return new IncidentQuery();
  }

  public Incident getIncident(String id) {
    return database
        .withHandle(handle -> incidents.findById(handle, id))
        .orElseThrow(() -> new NotFoundException("Incident with id " + id + " does not exist"));
  }

  public List<Incident> listIncidents(IncidentQuery query, int firstResult, int maxResults) {
    String columns =
        Arrays.stream(IncidentStore.COLUMNS.split(","))
            .map(c -> "i." + c.trim())
            .collect(Collectors.joining(", "));
    return database.withHandle(
        handle ->
            query
                .filters()
                .list(handle, columns, IncidentStore::map, clock.instant(), firstResult, maxResults));
  }

  /** The incidents of instances the caller may read. */
  public List<Incident> listIncidents(Caller caller, IncidentQuery query, int first, int max) {
    readable(caller, query);
    return listIncidents(query, first, max);
  }

  public long countIncidents(Caller caller, IncidentQuery query) {
    readable(caller, query);
    return countIncidents(query);
  }

  private void readable(Caller caller, IncidentQuery query) {
    query
        .filters()
        .restrict(
            authorizer.instanceReadable(
                caller, "i.process_instance_id", "i.proc_def_key", "i.tenant_id"));
  }

  public long countIncidents(IncidentQuery query) {
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }
}
