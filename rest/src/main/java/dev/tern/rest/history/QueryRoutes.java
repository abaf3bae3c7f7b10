package dev.tern.rest.history;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Page;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
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
final class QueryRoutes<Q> {

  interface Lister<Q> {
    List<?> list(Caller caller, Q query, Page page);
  }

  interface Counter<Q> {
    long count(Caller caller, Q query);
  }

  private final Supplier<Q> newQuery;
  private final Function<Q, FilterQuery> filters;

  QueryRoutes(Supplier<Q> newQuery, Function<Q, FilterQuery> filters) {
    this.newQuery = newQuery;
    this.filters = filters;
  }

  Routes add(Routes routes, String path, Lister<Q> lister, Counter<Q> counter) {
    Handler list = ctx -> ctx.json(lister.list(Callers.of(ctx), query(ctx), QueryRequests.page(ctx)));
    Handler count = ctx -> Responses.count(ctx, counter.count(Callers.of(ctx), query(ctx)));
    return routes.get(path, list).post(path, list).get(path + "/count", count).post(path + "/count", count);
  }

  private Q query(Context ctx) {
    Q query = newQuery.get();
    QueryRequests.fill(ctx, filters.apply(query), Set.of());
    return query;
  }
}
