package dev.tern.engine.task;

/**
 * Who is linked to a task and how: Camunda's {@code IdentityLinkDto}. Exactly one of {@code userId}
 * and {@code groupId} is set; {@code type} is {@code candidate}, {@code assignee}, {@code owner} or
 * any type a client chooses.
 */
public record IdentityLink(String userId, String groupId, String type) {

  public static final String CANDIDATE = "candidate";
  public static final String ASSIGNEE = "assignee";
  public static final String OWNER = "owner";
}
