package dev.tern.engine.task;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What the services of task notes (comments, attachments) share: each read and change in its own
 * transaction, the task found and the caller's rights checked by {@link NoteTargets} first.
 *
 * @param <T> the note
 * @param <S> its store
 */
public abstract class TaskNotes<T extends Record, S extends NoteStore<T>> {

  /** Finds the task a change is about, throwing when it or the note is not there. */
  interface Locate {
    NoteTarget in(Handle h);
  }

  interface Write {
    void to(Handle h, NoteTarget target);
  }

  interface Create<R> {
    R create(Handle h, NoteTarget target, String id, Instant now);
  }

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final NoteTargets targets;
  private final String kind;
  final S store;

  /** @param kind the note's name in messages ("comment") */
  TaskNotes(Database database, Clock clock, Ids ids, NoteTargets targets, S store, String kind) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.targets = targets;
    this.store = store;
    this.kind = kind;
  }

  /** The task's notes (comments newest first, attachments oldest first); an unknown task is 404. */
  public List<T> list(Caller caller, String taskId) {
    return database.withHandle(
        h -> store.list(h, targets.require(h, caller, taskId, true).taskId()));
  }

  /** One note; 404 if the task or the note is unknown. */
  public T get(Caller caller, String taskId, String noteId) {
    return readOne(
        caller,
        taskId,
        h -> store.find(h, taskId, noteId),
        () ->
            "Task " + kind + " with id " + noteId + " does not exist for task id '" + taskId + "'.");
  }

  /** What {@code find} reads of a task the caller may see; else 404 with {@code notFound}. */
  <R> R readOne(
      Caller caller, String taskId, Function<Handle, Optional<R>> find, Supplier<String> notFound) {
    return database.withHandle(
        h ->
            targets
                .readable(h, caller, taskId)
                .flatMap(t -> find.apply(h))
                .orElseThrow(() -> new NotFoundException(notFound.get())));
  }

  /**
   * Creates a note by the caller: an unknown task is 400, then {@code check} runs, then the
   * caller's right to change the task's notes is checked.
   */
  <R> R createNote(Caller caller, String taskId, Runnable check, Create<R> create) {
    return database.inTransaction(
        h -> {
          NoteTarget target = targets.require(h, caller, taskId, false);
          check.run();
          targets.checkChange(h, caller, target);
          return create.create(h, target, ids.next(), clock.instant());
        });
  }

  /** Changes notes of the task {@code locate} finds, if the caller may change its notes. */
  void changeNotes(Caller caller, Locate locate, Write write) {
    database.useTransaction(
        h -> {
          NoteTarget target = locate.in(h);
          targets.checkChange(h, caller, target);
          write.to(h, target);
        });
  }

  /** The task the caller may see; else 404. */
  NoteTarget require(Handle h, Caller caller, String taskId) {
    return targets.require(h, caller, taskId, true);
  }

  Optional<NoteTarget> readable(Handle h, Caller caller, String taskId) {
    return targets.readable(h, caller, taskId);
  }

  Instant now() {
    return clock.instant();
  }
}
