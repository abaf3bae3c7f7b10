package dev.tern.engine.history;

import java.util.Locale;

/**
 * Camunda's {@code historyRemovalTimeStrategy}: when the history rows of a process instance
 * hierarchy get the time cleanup may remove them (its root's {@code historyTimeToLive} days later).
 */
public enum RemovalTimeStrategy {
  /** Every row is written with it: the root instance's start plus the time to live. */
  START,
  /** When the root instance ends, every row of the hierarchy gets its end plus the time to live. */
  END,
  /** No row gets one, so history cleanup removes no instance history. */
  NONE;

  /** Camunda's name of the setting's value: {@code start}, {@code end} or {@code none}. */
  public static RemovalTimeStrategy of(String name) {
    for (RemovalTimeStrategy strategy : values()) {
      if (strategy.name().equalsIgnoreCase(name.trim())) {
        return strategy;
      }
    }
    throw new IllegalArgumentException(
        "history removal time strategy must be start, end or none, was '" + name + "'");
  }

  /** Camunda's name of this value. */
  public String camundaName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
