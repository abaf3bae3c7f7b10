package dev.tern.engine.externaltask;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells waiting fetches (long polling) that a task may have become available on this node: one was
 * created, unlocked or got retries back. Listeners run on the committing thread and must only hand
 * off work. Other nodes' tasks are found by the waiting fetches' bounded re-polls.
 */
public final class ExternalTaskSignal {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  void signal() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
