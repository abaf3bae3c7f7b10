package dev.tern.engine.runtime;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The process variables the interpreter reads and writes, in the caller's transaction. Values are
 * plain Java objects (String, Boolean, Integer, Long, Double, Date, JSON as String, null); the
 * variable capability maps them to typed rows.
 */
public interface VariableAccess {

  /** All variables of a process instance by name (values may be null). */
  Map<String, Object> load(Handle handle, String processInstanceId);

  /** Creates or updates one variable. */
  void set(Handle handle, InstanceContext instance, String name, Object value);

  /** Removes every variable of a process instance (it ended). */
  void deleteAll(Handle handle, String processInstanceId);

  /** What a variable row records about its instance. */
  record InstanceContext(
      String processInstanceId,
      String executionId,
      String processDefinitionId,
      String processDefinitionKey,
      String tenantId) {}
}
