package dev.tern.rest.engine;

import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the node's meters in Prometheus' text format, as the server's registry
 * renders them. Behind authentication like the API when authentication is on.
 */
public final class MetricsResource implements RestResource {

  public static final String PATH = "/metrics";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<String> scrape;

  /** {@code scrape} renders every meter, e.g. {@code PrometheusMeterRegistry::scrape}. */
  public MetricsResource(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  @Override
  public void addRoutes(Routes routes) {
    routes.root().get(PATH, ctx -> ctx.contentType(PROMETHEUS_TEXT).result(scrape.get()));
  }
}
