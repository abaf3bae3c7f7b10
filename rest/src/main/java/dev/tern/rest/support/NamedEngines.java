package dev.tern.rest.support;

import dev.tern.engine.InvalidRequestException;
import dev.tern.rest.RestServer;
import java.util.Optional;
import java.util.Set;

/**
 * Camunda's second form of every path, {@code /engine-rest/engine/{name}/…}, which addresses one
 * of its process engines by name; Tern has one. A name other than the engine's is refused as
 * Camunda refuses an engine it does not know: 400 {@code InvalidRequestException} "No process engine
 * available".
 */
public final class NamedEngines {

  /** {@code /engine-rest/engine/}, followed by the name and the path within that engine. */
  public static final String PREFIX = RestServer.BASE_PATH + "/engine/";

  /** Camunda paths served only in the plain form: they are about all engines, not one. */
  public static final Set<String> UNSCOPED = Set.of("/engine", "/version");

  private NamedEngines() {}

  /**
   * A request path under {@code /engine-rest}: the engine it names ({@code null} for the plain
   * form, which means the default engine) and the path within the engine, e.g. {@code /task}.
   */
  public record EnginePath(String engineName, String relative) {

    /** Whether this path may be served by the engine called {@code name}. */
    public boolean addresses(String name) {
      return engineName == null || engineName.equals(name);
    }
  }

  /**
   * The engine and path of {@code path}; empty if it is not under {@code /engine-rest}. A named
   * form of an {@link #UNSCOPED} path stays plain ({@code /engine/default/version}), which is no
   * Camunda path.
   */
  public static Optional<EnginePath> parse(String path) {
    if (path.startsWith(PREFIX)) {
      int slash = path.indexOf('/', PREFIX.length());
      if (slash > PREFIX.length()
          && slash < path.length() - 1
          && !UNSCOPED.contains(path.substring(slash))) {
        return Optional.of(
            new EnginePath(path.substring(PREFIX.length(), slash), path.substring(slash)));
      }
    }
    if (path.startsWith(RestServer.BASE_PATH + "/")) {
      return Optional.of(new EnginePath(null, path.substring(RestServer.BASE_PATH.length())));
    }
    return Optional.empty();
  }

  /** Camunda's refusal of an engine name it does not know. */
  public static InvalidRequestException unknownEngine() {
    return new InvalidRequestException("No process engine available");
  }
}
