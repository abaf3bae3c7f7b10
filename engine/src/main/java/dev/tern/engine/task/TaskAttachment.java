package dev.tern.engine.task;

import java.time.Instant;

/**
 * An attachment of a task, as Camunda's {@code AttachmentDto} shows it: a link ({@code url}) or
 * uploaded content ({@code hasContent}; read with {@link TaskAttachmentService#content}).
 */
public record TaskAttachment(
    String id,
    String name,
    String description,
    String taskId,
    String type,
    String url,
    Instant createTime,
    Instant removalTime,
    String rootProcessInstanceId,
    boolean hasContent) {

  /**
   * What a client gives to attach: {@code content} (which wins) or a {@code url}; the other
   * fields are optional.
   */
  public record New(String name, String description, String type, String url, byte[] content) {}
}
