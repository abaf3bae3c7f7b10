package dev.tern.rest.support;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Page;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Camunda's four routes of a query resource ({@code GET}/{@code POST} of the list and of {@code
 * /count}) over one declared query: filters from the query string or the body, paging from the
 * query string, rows the caller may read.
 */
public final class QueryRoutes<Q> {

  /** One page of the rows a query selects, as DTOs. */
  public interface Lister<Q> {
    List<?> list(Caller caller, Q query, Page page);
  }

  /** {@link Lister} for DTOs that depend on the request, e.g. on {@code deserializeValues}. */
  public interface ContextLister<Q> {
    List<?> list(Context ctx, Caller caller, Q query, Page page);
  }

  public interface Counter<Q> {
    long count(Caller caller, Q query);
  }

  private final Supplier<Q> newQuery;
  private final Function<Q, FilterQuery> filters;

  public QueryRoutes(Supplier<Q> newQuery, Function<Q, FilterQuery> filters) {
    this.newQuery = newQuery;
    this.filters = filters;
  }

  public Routes add(Routes routes, String path, Lister<Q> lister, Counter<Q> counter) {
    return add(routes, path, (ContextLister<Q>) (ctx, caller, query, page) -> lister.list(caller, query, page), counter);
  }

  public Routes add(Routes routes, String path, ContextLister<Q> lister, Counter<Q> counter) {
    Handler list =
        ctx -> ctx.json(lister.list(ctx, Callers.of(ctx), query(ctx), QueryRequests.page(ctx)));
    Handler count = ctx -> Responses.count(ctx, counter.count(Callers.of(ctx), query(ctx)));
    return routes.get(path, list).post(path, list).get(path + "/count", count).post(path + "/count", count);
  }

  private Q query(Context ctx) {
    Q query = newQuery.get();
    QueryRequests.fill(ctx, filters.apply(query), Set.of());
    return query;
  }
}
