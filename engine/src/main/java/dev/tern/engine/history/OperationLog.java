package dev.tern.engine.history;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The user operation log as commands write it, in the command's transaction. */
public interface OperationLog {

  void insert(Handle handle, List<UserOperationLogEntry> entries);
}
