package dev.tern.engine;

/** The entity a request names does not exist. */
public final class NotFoundException extends TernException {

  private final boolean wrapsEngineError;

  public NotFoundException(String message) {
    this("InvalidRequestException", message);
  }

  public NotFoundException(String type, String message) {
    this(type, message, false);
  }

  private NotFoundException(String type, String message, boolean wrapsEngineError) {
    super(Category.NOT_FOUND, type, message);
    this.wrapsEngineError = wrapsEngineError;
  }

  /**
   * A miss Camunda's engine reports and its REST layer answers as a 404 {@code
   * InvalidRequestException} keeping the engine's code 0 (e.g. deleting an unknown instance).
   */
  public static NotFoundException wrappingEngineError(String message) {
    return new NotFoundException("InvalidRequestException", message, true);
  }

  @Override
  public boolean wrapsEngineError() {
    return wrapsEngineError;
  }
}
