package dev.tern.engine.task;

import dev.tern.engine.persistence.RecordMapper;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The SQL a table of task notes (comments, attachments) shares: its rows belong to a task and are
 * read into a record whose components follow the table's columns. Each subclass is its table's
 * only writer and adds what only that table has.
 */
abstract class NoteStore<T extends Record> {

  private final String table;
  private final String select;
  private final String order;
  private final RecordMapper<T> mapper;

  /**
   * @param columns the record's columns in component order
   * @param select what to select for them ({@code columns} unless one is computed)
   * @param order the order of a task's list
   */
  NoteStore(Class<T> type, String table, String columns, String select, String order) {
    this.table = table;
    this.select = "SELECT " + select + " FROM " + table + " WHERE task_id = :task";
    this.order = order;
    this.mapper = RecordMapper.of(type, columns);
  }

  /** Inserts a note whose record holds every column of the row. */
  final void insertRow(Handle h, T note) {
    mapper.insert(h, table, note);
  }

  final List<T> list(Handle h, String taskId) {
    return h.createQuery(select + " ORDER BY " + order).bind("task", taskId).map(mapper).list();
  }

  final Optional<T> find(Handle h, String taskId, String id) {
    return h.createQuery(select + " AND id = :id")
        .bind("task", taskId)
        .bind("id", id)
        .map(mapper)
        .findOne();
  }

  /** Which of the tasks have at least one note, in one statement. */
  final Set<String> taskIdsWithNotes(Handle h, Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        h.createQuery("SELECT DISTINCT task_id FROM " + table + " WHERE task_id = ANY(:ids)")
            .bindArray("ids", String.class, taskIds.toArray())
            .mapTo(String.class)
            .list());
  }

  /** Deletes one note of the task, or all of them with a null {@code id}. */
  final void delete(Handle h, String taskId, String id) {
    h.createUpdate(
            "DELETE FROM " + table + " WHERE task_id = :task" + (id == null ? "" : " AND id = :id"))
        .bind("task", taskId)
        .bind("id", id)
        .execute();
  }

  /** Deletes the notes of the instances' tasks (see {@link TaskModule#instanceHistory}). */
  final void deleteOfProcessInstances(Handle h, List<String> processInstanceIds) {
    h.createUpdate(
            "DELETE FROM " + table + " WHERE task_id IN"
                + " (SELECT id FROM tern_hi_task WHERE process_instance_id = ANY(:ids))")
        .bind("ids", processInstanceIds.toArray(String[]::new))
        .execute();
  }
}
