package dev.tern.engine.history;

/**
 * The root of a history row's call chain, read where the instance's history keeps it (by its key),
 * so rows written before a table had the column need none: the instance itself, or the first
 * instance of the chain of call activities that started it.
 */
public final class CallChainRoot {

  private CallChainRoot() {}

  /** A select-list column {@code root_process_instance_id} of the row aliased {@code alias}. */
  public static String column(String alias) {
    return "(SELECT p.root_process_instance_id FROM tern_hi_process_instance p WHERE p.id = "
        + alias
        + ".process_instance_id) AS root_process_instance_id";
  }
}
