package dev.tern.engine.authorization;

import dev.tern.engine.query.Restriction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Decides Camunda's authorization checks for a {@link Caller}, in SQL so that queries can filter
 * rows with the same rule that commands check.
 *
 * <p>The rule is Camunda's: the user's own authorizations decide first, then its groups', then the
 * global ones; at each level an authorization on the resource id beats one on {@code *}, and a
 * grant beats a revoke at the same place. Nothing found means denied. A revoke stores the
 * permissions that remain, so it revokes a permission whose bit is clear.
 */
public final class Authorizer {

  /**
   * The authorization table's alias inside row conditions: one no query alias uses, so a row's
   * column (e.g. {@code a.proc_def_key}) never resolves to the authorization row instead.
   */
  private static final String ALIAS = "tern_auth_row";

  /** A permission on the resource whose id a row holds in {@code idSql} (a column expression). */
  public record RowCheck(Permission permission, Resource resource, String idSql) {}

  /** Throws {@link AuthorizationException} unless one of {@code anyOf} is granted. */
  public void check(Handle handle, Caller caller, PermissionCheck... anyOf) {
    if (grantedAny(handle, caller, anyOf)) {
      return;
    }
    throw new AuthorizationException(
        caller.userId(), List.of(anyOf).stream().map(AuthorizationException.Missing::of).toList());
  }

  /** Whether one of {@code anyOf} is granted (for reads, where a refusal hides the resource). */
  public boolean grantedAny(Handle handle, Caller caller, PermissionCheck... anyOf) {
    if (caller.unrestricted()) {
      return true;
    }
    for (PermissionCheck check : anyOf) {
      if (granted(handle, caller, check)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one permission is granted. */
  public boolean granted(Handle handle, Caller caller, PermissionCheck check) {
    if (caller.unrestricted()) {
      return true;
    }
    Map<String, Object> binds = new HashMap<>();
    Function<Object, String> bind =
        value -> {
          String name = "auth" + binds.size();
          binds.put(name, value);
          return ":" + name;
        };
    String id = check.resourceId() == null ? null : bind.apply(check.resourceId());
    String sql = "SELECT " + decision(caller, check.permission(), check.resource(), id, bind);
    var query = handle.createQuery(sql);
    binds.forEach(query::bind);
    return query.mapTo(Integer.class).one() == 1;
  }

  /**
   * The condition that keeps the rows one of {@code anyOf} grants (Camunda filters queries instead
   * of failing them), or null for an unrestricted caller. {@code bind} registers a value on the
   * statement and returns its placeholder ({@code :name}).
   */
  public String rowCondition(Caller caller, Function<Object, String> bind, RowCheck... anyOf) {
    if (caller.unrestricted()) {
      return null;
    }
    List<String> alternatives = new ArrayList<>();
    for (RowCheck check : anyOf) {
      alternatives.add(
          decision(caller, check.permission(), check.resource(), check.idSql(), bind) + " = 1");
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  /** {@link #rowCondition} as a query restriction. */
  public Restriction restriction(Caller caller, RowCheck... anyOf) {
    return bind -> rowCondition(caller, bind, anyOf);
  }

  /**
   * The rows one of {@code anyOf} grants, of the caller's tenants or of none ({@link
   * #tenantMember}): what Camunda's queries return to an authenticated user.
   */
  public Restriction readable(Caller caller, String tenantIdSql, RowCheck... anyOf) {
    return restriction(caller, anyOf).and(tenantMember(caller, tenantIdSql));
  }

  /** {@code READ} on the process definition (by key), of the caller's tenants or of none. */
  public Restriction definitionReadable(Caller caller, String tenantIdSql, String definitionKeySql) {
    return readable(
        caller, tenantIdSql, new RowCheck(Permission.READ, Resource.PROCESS_DEFINITION, definitionKeySql));
  }

  /**
   * Camunda's read of history rows: {@code READ_HISTORY} on the process definition (by the rows'
   * {@code <alias>.proc_def_key}), of the caller's tenants or of none ({@code <alias>.tenant_id}).
   * Rows of no definition (batch jobs) need a grant on every definition ({@code *}).
   */
  public Restriction historyReadable(Caller caller, String alias) {
    return readable(
        caller,
        alias + ".tenant_id",
        new RowCheck(Permission.READ_HISTORY, Resource.PROCESS_DEFINITION, alias + ".proc_def_key"));
  }

  /** {@link #instanceReadable(Caller, String, String)} of the caller's tenants or of none. */
  public Restriction instanceReadable(
      Caller caller, String instanceIdSql, String definitionKeySql, String tenantIdSql) {
    return instanceReadable(caller, instanceIdSql, definitionKeySql)
        .and(tenantMember(caller, tenantIdSql));
  }

  /**
   * What Camunda lets a caller see of process instances and their jobs and incidents: {@code READ}
   * on the instance, or {@code READ_INSTANCE} on its definition (by key).
   */
  public Restriction instanceReadable(Caller caller, String instanceIdSql, String definitionKeySql) {
    return restriction(
        caller,
        new RowCheck(Permission.READ, Resource.PROCESS_INSTANCE, instanceIdSql),
        new RowCheck(Permission.READ_INSTANCE, Resource.PROCESS_DEFINITION, definitionKeySql));
  }

  /**
   * Camunda's tenant check for queries: an authenticated caller sees the rows of its tenants and
   * the rows of no tenant ({@code tenantIdSql} is the row's tenant column). Administrators and the
   * system see everything.
   */
  public Restriction tenantMember(Caller caller, String tenantIdSql) {
    return bind -> {
      if (caller.unrestricted()) {
        return null;
      }
      if (caller.tenantIds().isEmpty()) {
        return tenantIdSql + " IS NULL";
      }
      List<String> tenants = caller.tenantIds().stream().map(bind).toList();
      return "(" + tenantIdSql + " IS NULL OR " + tenantIdSql + " IN (" + String.join(", ", tenants) + "))";
    };
  }

  /** A CASE expression that is 1 where the permission is granted and 0 where not. */
  private static String decision(
      Caller caller, Permission permission, Resource resource, String idSql,
      Function<Object, String> bind) {
    int bit = permission.bits();
    if (Integer.bitCount(bit) != 1) {
      throw new IllegalArgumentException("Checks are for single permissions: " + permission);
    }
    StringBuilder sql = new StringBuilder("(CASE");
    String user = ALIAS + ".user_id = " + bind.apply(caller.userId());
    levels(sql, user, 1, 2, resource, bit, idSql);
    if (!caller.groupIds().isEmpty()) {
      List<String> groups = caller.groupIds().stream().map(bind).toList();
      levels(sql, ALIAS + ".group_id IN (" + String.join(", ", groups) + ")", 1, 2, resource, bit, idSql);
    }
    levels(sql, ALIAS + ".user_id = '*'", 0, -1, resource, bit, idSql);
    return sql.append(" ELSE 0 END)").toString();
  }

  private static void levels(
      StringBuilder sql, String who, int grant, int revoke, Resource resource, int bit, String idSql) {
    if (idSql != null) {
      when(sql, who, grant, resource, "= " + idSql, bit, true);
      if (revoke > 0) {
        when(sql, who, revoke, resource, "= " + idSql, bit, false);
      }
    }
    when(sql, who, grant, resource, "= '*'", bit, true);
    if (revoke > 0) {
      when(sql, who, revoke, resource, "= '*'", bit, false);
    }
  }

  private static void when(
      StringBuilder sql, String who, int type, Resource resource, String id, int bit, boolean set) {
    // MOD(p / bit, 2) reads one bit of the mask in portable SQL (no BITAND on PostgreSQL).
    sql.append(" WHEN EXISTS (SELECT 1 FROM tern_authorization " + ALIAS + " WHERE ")
        .append(who)
        .append(" AND " + ALIAS + ".auth_type = ")
        .append(type)
        .append(" AND " + ALIAS + ".resource_type = ")
        .append(resource.type())
        .append(" AND " + ALIAS + ".resource_id ")
        .append(id)
        .append(" AND MOD(" + ALIAS + ".permissions / ")
        .append(bit)
        .append(", 2) = ")
        .append(set ? 1 : 0)
        .append(") THEN ")
        .append(set ? 1 : 0);
  }
}
