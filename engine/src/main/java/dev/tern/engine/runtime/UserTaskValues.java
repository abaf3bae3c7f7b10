package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.TaskDefinition;
import dev.tern.engine.deployment.model.TimerDefinition;
import dev.tern.engine.el.Expressions;
import dev.tern.engine.el.VariableSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Evaluates a user task's model values when a token arrives, as Camunda does: names, dates and the
 * priority may be expressions; candidate lists are comma-separated, each entry may be an
 * expression, and an expression may yield a collection or a comma-separated string.
 */
final class UserTaskValues {

  /** Camunda's priority of a task whose model sets none. */
  static final int DEFAULT_PRIORITY = 50;

  private final Expressions expressions;
  private final Clock clock;

  UserTaskValues(Expressions expressions, Clock clock) {
    this.expressions = expressions;
    this.clock = clock;
  }

  NewUserTask evaluate(
      TaskDefinition task, VariableSource scope, WaitingActivity where) {
    return new NewUserTask(
        text(task.name(), scope),
        text(task.documentation(), scope),
        text(task.assignee(), scope),
        list(task.candidateUsers(), scope),
        list(task.candidateGroups(), scope),
        date(task.dueDate(), scope, "due date"),
        date(task.followUpDate(), scope, "follow-up date"),
        priority(task.priority(), scope),
        new TaskDefinition.FormReference(
            text(task.form().formKey(), scope),
            text(task.form().formRef(), scope),
            task.form().binding(),
            text(task.form().version(), scope)),
        where);
  }

  private Object value(String text, VariableSource scope) {
    return text != null && Expressions.isExpression(text) ? expressions.evaluate(text, scope) : text;
  }

  private String text(String text, VariableSource scope) {
    Object value = value(text, scope);
    return value == null ? null : String.valueOf(value);
  }

  private List<String> list(String text, VariableSource scope) {
    List<String> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    if (Expressions.isExpression(text.trim())) {
      addAll(result, expressions.evaluate(text.trim(), scope));
      return result;
    }
    for (String part : text.split(",")) {
      addAll(result, value(part.trim(), scope));
    }
    return result;
  }

  private static void addAll(List<String> result, Object value) {
    if (value instanceof Collection<?> values) {
      values.forEach(v -> addAll(result, v));
    } else if (value != null) {
      for (String part : String.valueOf(value).split(",")) {
        if (!part.isBlank() && !result.contains(part.trim())) {
          result.add(part.trim());
        }
      }
    }
  }

  private Instant date(String text, VariableSource scope, String what) {
    Object value = value(text, scope);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    TimerDefinition.Type type =
        value instanceof String s && s.trim().startsWith("P")
            ? TimerDefinition.Type.DURATION
            : TimerDefinition.Type.DATE;
    try {
      return TimerSchedule.dueDate(type, value, clock.instant(), clock.getZone())
          .truncatedTo(ChronoUnit.MILLIS);
    } catch (RuntimeException e) {
      throw new ProcessEngineException(
          "Cannot evaluate the " + what + " of a user task: '" + value + "' is not a date");
    }
  }

  private int priority(String text, VariableSource scope) {
    Object value = value(text, scope);
    if (value == null) {
      return DEFAULT_PRIORITY;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new ProcessEngineException(
          "Priority does not resolve to a number: " + value);
    }
  }
}
