package dev.tern.engine.history;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            (rs, ctx) -> HistoricProcessInstanceService.map(rs));
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

  private static HistoricProcessInstance map(ResultSet rs) throws SQLException {
    int version = rs.getInt("proc_def_version");
    Integer definitionVersion = rs.wasNull() ? null : version;
    long duration = rs.getLong("duration_ms");
    Long durationMs = rs.wasNull() ? null : duration;
    return new HistoricProcessInstance(
        rs.getString("id"),
        rs.getString("business_key"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("proc_def_name"),
        definitionVersion,
        rs.getString("deployment_id"),
        instant(rs, "start_time"),
        instant(rs, "end_time"),
        instant(rs, "removal_time"),
        durationMs,
        rs.getString("start_user_id"),
        rs.getString("start_activity_id"),
        rs.getString("end_activity_id"),
        rs.getString("super_process_instance_id"),
        rs.getString("root_process_instance_id"),
        rs.getString("delete_reason"),
        rs.getString("tenant_id"),
        rs.getString("state"));
  }
}
