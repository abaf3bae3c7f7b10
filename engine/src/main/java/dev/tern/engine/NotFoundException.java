package dev.tern.engine;

/** The entity a request names does not exist. */
public final class NotFoundException extends TernException {
  public NotFoundException(String message) {
    super(Category.NOT_FOUND, "InvalidRequestException", message);
  }

  public NotFoundException(String type, String message) {
    super(Category.NOT_FOUND, type, message);
  }
}
