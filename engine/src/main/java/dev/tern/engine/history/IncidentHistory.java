package dev.tern.engine.history;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Historic incidents as the incident capability keeps them in step with its runtime rows: opened
 * as copies of those rows, ended as resolved or deleted.
 */
public interface IncidentHistory {

  int OPEN = 0;
  int RESOLVED = 1;
  int DELETED = 2;

  /**
   * Records the incidents of this type with these configurations (job or external task ids) that
   * are open at runtime and not yet in history, copied from their runtime rows with one statement.
   */
  int recordOpenedByConfiguration(Handle handle, String type, String[] configurations);

  /** Records the runtime incidents with these ids, just opened. */
  int recordOpened(Handle handle, String[] incidentIds);

  /** Ends the open historic incidents with these ids as {@link #RESOLVED} or {@link #DELETED}. */
  int end(Handle handle, String[] incidentIds, int state, Instant endTime);
}
