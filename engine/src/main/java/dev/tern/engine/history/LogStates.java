package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import java.util.function.Consumer;

/**
 * Camunda's state filters of the job and external task logs ({@code creationLog}, {@code
 * failureLog}, {@code successLog}, {@code deletionLog}) on a log's state column, which both logs
 * number in that order from 0.
 */
final class LogStates {

  private LogStates() {}

  static Consumer<QueryDefinition.Builder> on(String column) {
    return b -> {
      String[] states = {"creationLog", "failureLog", "successLog", "deletionLog"};
      for (int i = 0; i < states.length; i++) {
        b.flag(states[i], column + " = " + i);
      }
    };
  }
}
