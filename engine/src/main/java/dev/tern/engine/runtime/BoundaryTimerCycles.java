package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.TimerDefinition;

/**
 * The firings left of a non-interrupting timer boundary event (or event sub-process timer start
 * event) with a cycle. The {@code
 * timer-transition} job's configuration names its boundary event and, for an {@code R<n>} cycle,
 * the firings left after this one ({@code boundaryId$left}); a job without the count repeats
 * without end (an {@code R/…} or cron cycle) or fires once (a date, a duration, an interrupting
 * timer).
 */
final class BoundaryTimerCycles {

  private BoundaryTimerCycles() {}

  /** Whether a firing of this boundary timer schedules another one. */
  static boolean repeats(NodeKind.BoundaryTimerEvent timer) {
    return repeats(timer.cancelActivity(), timer.timer());
  }

  /** Whether a firing of a timer that interrupts (or not) schedules another one. */
  static boolean repeats(boolean interrupting, TimerDefinition timer) {
    return !interrupting && timer.type() == TimerDefinition.Type.CYCLE;
  }

  /** The configuration of the first job of a boundary timer, given its evaluated cycle. */
  static String first(String boundaryId, NodeKind.BoundaryTimerEvent timer, String cycle) {
    return first(boundaryId, repeats(timer), cycle);
  }

  /** The configuration of the first job of a timer of this node, given its evaluated cycle. */
  static String first(String nodeId, boolean repeats, String cycle) {
    Integer firings = repeats ? TimerSchedule.repetitions(cycle) : null;
    return firings == null ? nodeId : nodeId + "$" + firings;
  }

  /**
   * The configuration of the job after one with this configuration, or null when that was the
   * last firing.
   */
  static String next(String configuration) {
    int dollar = configuration == null ? -1 : configuration.lastIndexOf('$');
    if (dollar < 0) {
      return configuration;
    }
    int left = Integer.parseInt(configuration.substring(dollar + 1));
    return left <= 1 ? null : configuration.substring(0, dollar) + "$" + (left - 1);
  }
}
