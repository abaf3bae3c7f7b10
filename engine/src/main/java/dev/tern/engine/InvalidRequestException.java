package dev.tern.engine;

/** A request that is malformed or breaks a rule; nothing was changed. */
public final class InvalidRequestException extends TernException {
  public InvalidRequestException(String message) {
    super(Category.BAD_REQUEST, "InvalidRequestException", message);
  }
}
