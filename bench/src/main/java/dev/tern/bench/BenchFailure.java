package dev.tern.bench;

/** The engine under test did something the story does not allow; the run stops. */
public final class BenchFailure extends RuntimeException {

  public BenchFailure(String message) {
    super(message);
  }

  public BenchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
