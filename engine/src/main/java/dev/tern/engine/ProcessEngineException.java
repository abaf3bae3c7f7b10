package dev.tern.engine;

/**
 * An engine rule the caller broke (Camunda's {@code ProcessEngineException} or one of its
 * subclasses, named by {@link #type()}). Tern treats these as client mistakes.
 */
public final class ProcessEngineException extends TernException {
  public ProcessEngineException(String message) {
    super(Category.BAD_REQUEST, "ProcessEngineException", message);
  }

  public ProcessEngineException(String type, String message) {
    super(Category.BAD_REQUEST, type, message);
  }
}
