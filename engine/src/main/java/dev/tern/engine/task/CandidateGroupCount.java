package dev.tern.engine.task;

/** One row of Camunda's candidate-group report: a group (or null) and its unassigned tasks. */
public record CandidateGroupCount(String groupName, int taskCount) {}
