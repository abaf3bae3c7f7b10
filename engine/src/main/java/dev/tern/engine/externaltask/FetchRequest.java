package dev.tern.engine.externaltask;

import java.util.List;

/**
 * One {@code fetchAndLock}: up to {@code maxTasks} available tasks of the given topics, locked for
 * {@code workerId}.
 *
 * @param usePriority highest priority first
 * @param createTimeAscending order by creation time (after priority): true ascending, false
 *     descending, null not at all
 */
public record FetchRequest(
    String workerId,
    int maxTasks,
    boolean usePriority,
    Boolean createTimeAscending,
    List<TopicRequest> topics) {

  public FetchRequest {
    topics = List.copyOf(topics);
  }
}
