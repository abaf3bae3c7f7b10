package dev.tern.console;

/** A request the console refuses: answered with an HTML page of this status and message. */
final class ConsoleProblem extends RuntimeException {

  private final int status;

  ConsoleProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
