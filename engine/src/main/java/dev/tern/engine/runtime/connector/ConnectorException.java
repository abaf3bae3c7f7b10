package dev.tern.engine.runtime.connector;

import dev.tern.engine.TernException;

/**
 * A connector call that failed: the request could not be built or sent, or the answer was an HTTP
 * error the model asked to treat as a failure. Messages start with Camunda Connect's codes
 * ({@code HTCL-02007 Unable to execute HTTP request}, …) so incidents read the same.
 */
public final class ConnectorException extends TernException {
  public ConnectorException(String message) {
    super(Category.INTERNAL, "ConnectorRequestException", message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(Category.INTERNAL, "ConnectorRequestException", message, 0, cause);
  }
}
