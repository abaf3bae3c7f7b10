package dev.tern.rest.support;

/**
 * Camunda's error body. {@code code} is the engine's code (0 for most engine errors, 1 for
 * optimistic locking) and {@code null} for errors Camunda's REST layer reports itself
 * (InvalidRequestException, RestException, the HTTP-level 404/405/415 answers), as Camunda 7.24
 * writes it, although its openapi.json declares {@code code} non-nullable.
 */
public record ExceptionDto(String type, String message, Integer code) {

  /** Types Camunda's REST layer throws itself: their bodies carry no code. */
  private static final java.util.Set<String> REST_LAYER_TYPES =
      java.util.Set.of("InvalidRequestException", "RestException");

  /** The body of an engine error: its code, unless Camunda reports the error from its REST layer. */
  public static ExceptionDto ofEngine(String type, String message, int code) {
    return new ExceptionDto(type, message, REST_LAYER_TYPES.contains(type) ? null : code);
  }

  /** The body of an engine error Camunda's REST layer reports as its own type: the engine's code. */
  public static ExceptionDto ofWrappedEngine(String type, String message, int code) {
    return new ExceptionDto(type, message, code);
  }

  /** The body of an error the REST layer detects: no code. */
  public static ExceptionDto ofRest(String type, String message) {
    return new ExceptionDto(type, message, null);
  }
}
