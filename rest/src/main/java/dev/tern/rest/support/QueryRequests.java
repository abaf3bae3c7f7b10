package dev.tern.rest.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Page;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The request side of Camunda's query endpoints: filters from the query string ({@code GET}) or
 * the JSON body ({@code POST}); paging always from the query string.
 */
public final class QueryRequests {

  private QueryRequests() {}

  /** Fills the query from a {@code GET}'s query string or a {@code POST}'s body. */
  public static void fill(Context ctx, FilterQuery query, Set<String> conditionOperators) {
    if (ctx.method().name().equals("POST")) {
      FilterParams.fromJson(
          JsonBodies.readOrNull(ctx, JsonNode.class), query, conditionOperators);
    } else {
      FilterParams.fromQuery(QueryParams.of(ctx), query, conditionOperators);
    }
  }

  public static Paging paging(Context ctx) {
    return Paging.from(QueryParams.of(ctx));
  }

  /** The query string's {@code firstResult}/{@code maxResults} as the engine's page. */
  public static Page page(Context ctx) {
    Paging paging = paging(ctx);
    return new Page(
        paging.firstResult(),
        paging.maxResults() == Integer.MAX_VALUE ? null : paging.maxResults());
  }
}
