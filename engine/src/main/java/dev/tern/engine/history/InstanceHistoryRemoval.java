package dev.tern.engine.history;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Deletes all history of some process instances, in the caller's transaction. Each capability
 * that keeps history of instances deletes its own tables (set-based: one statement per table for
 * the whole id list); the engine joins the parts with {@link #of}.
 */
@FunctionalInterface
public interface InstanceHistoryRemoval {

  void deleteOfProcessInstances(Handle handle, List<String> processInstanceIds);

  /** Every part, in order. */
  static InstanceHistoryRemoval of(InstanceHistoryRemoval... parts) {
    return (handle, ids) -> {
      for (InstanceHistoryRemoval part : parts) {
        part.deleteOfProcessInstances(handle, ids);
      }
    };
  }
}
