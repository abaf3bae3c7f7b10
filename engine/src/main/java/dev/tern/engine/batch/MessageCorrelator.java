package dev.tern.engine.batch;

import dev.tern.engine.runtime.TypedValue;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Correlates a message to every waiting token of some process instances (a batch job's chunk). */
@FunctionalInterface
public interface MessageCorrelator {

  /**
   * @param messageName the message, or null for any message
   * @param variables set on each instance a token of which receives the message
   */
  void correlateAll(
      Handle handle,
      List<String> processInstanceIds,
      String messageName,
      Map<String, TypedValue> variables);
}
