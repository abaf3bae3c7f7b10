package dev.tern.rest;

/**
 * A group of REST endpoints (one Camunda resource such as {@code /job}). Register new ones in
 * {@link RestResources#all}.
 */
public interface RestResource {

  /** Declares this resource's routes; paths are relative to {@code /engine-rest}. */
  void addRoutes(Routes routes);
}
