package dev.tern.engine;

/** Another transaction updated or deleted the same row first. */
public final class OptimisticLockingException extends TernException {
  public OptimisticLockingException(String message) {
    super(Category.CONFLICT, "OptimisticLockingException", message, 1, null);
  }
}
