package dev.tern.rest.support;

/**
 * An HTTP-level error the REST layer detects itself (wrong content type, unknown path, …): a status
 * and the {@code type} reported to the client. Engine errors stay {@code TernException}s.
 */
public final class RestException extends RuntimeException {

  private final int status;
  private final String type;

  public RestException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  /**
   * 415: the endpoint reads JSON and the request said it sends something else. The message is
   * Camunda's (its JAX-RS layer names neither type).
   */
  public static RestException unsupportedMediaType() {
    return new RestException(
        415,
        "NotSupportedException",
        "HTTP 415 Unsupported Media Type");
  }
}
