package dev.tern.engine;

/**
 * Base of the exceptions the engine throws on purpose. {@link #type()} is the name Camunda 7 gives
 * the same error (the REST layer reports it as {@code type}); {@link #category()} says whose mistake
 * it is, so the edge can choose a status without knowing each exception.
 */
public class TernException extends RuntimeException {

  /** Whose mistake an error is. */
  public enum Category {
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The caller asked for something invalid; nothing was changed. */
    BAD_REQUEST,
    /** The caller may not do this (missing authorization). */
    FORBIDDEN,
    /** Another transaction changed the same data first. */
    CONFLICT,
    /** The engine failed. */
    INTERNAL
  }

  private final Category category;
  private final String type;
  private final int code;

  public TernException(Category category, String type, String message) {
    this(category, type, message, 0, null);
  }

  public TernException(Category category, String type, String message, int code, Throwable cause) {
    super(message, cause);
    this.category = category;
    this.type = type;
    this.code = code;
  }

  public Category category() {
    return category;
  }

  public String type() {
    return type;
  }

  /** Camunda's error code: 0 for most errors, 1 for optimistic locking. */
  public int code() {
    return code;
  }

  /**
   * Whether Camunda's REST layer reports this error as its own type ({@code
   * InvalidRequestException}) around an engine exception, so the body keeps the engine's code
   * where the REST layer's own errors carry none.
   */
  public boolean wrapsEngineError() {
    return false;
  }

  /** An error of {@code type} that {@link #wrapsEngineError() wraps an engine error} (code 0). */
  public static TernException wrappingEngineError(Category category, String type, String message) {
    return new TernException(category, type, message) {
      @Override
      public boolean wrapsEngineError() {
        return true;
      }
    };
  }
}
