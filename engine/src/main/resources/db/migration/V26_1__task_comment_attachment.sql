-- Comments on tasks (Camunda's ACT_HI_COMMENT of type comment): history, so they outlive the task
-- (no reference to tern_task). Written only by CommentStore.
CREATE TABLE tern_task_comment (
  id                        VARCHAR(64) PRIMARY KEY,
  task_id                   VARCHAR(64) NOT NULL,
  -- as the client gave it when creating (Camunda stores it unchecked; null when not given)
  process_instance_id       VARCHAR(64),
  root_process_instance_id  VARCHAR(64),
  user_id                   VARCHAR(255),
  comment_time              TIMESTAMP WITH TIME ZONE NOT NULL,
  message                   ${text_type} NOT NULL,
  removal_time              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_task_comment_task ON tern_task_comment (task_id, comment_time);

-- Attachments of tasks (Camunda's ACT_HI_ATTACHMENT with its content byte array): a link (url) or
-- uploaded content. History, like comments. Written only by AttachmentStore.
CREATE TABLE tern_task_attachment (
  id                        VARCHAR(64) PRIMARY KEY,
  task_id                   VARCHAR(64) NOT NULL,
  root_process_instance_id  VARCHAR(64),
  name                      VARCHAR(255),
  description               VARCHAR(4000),
  attachment_type           VARCHAR(255),
  url                       VARCHAR(4000),
  content                   ${blob_type},
  create_time               TIMESTAMP WITH TIME ZONE NOT NULL,
  removal_time              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_task_attachment_task ON tern_task_attachment (task_id, create_time);
