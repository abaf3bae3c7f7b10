package dev.tern.engine.authorization;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Restriction;
import java.util.function.Function;

/**
 * A declared query whose family has a read rule: {@link #readableBy} restricts the selection to
 * the rows a caller may read.
 *
 * @param <Q> the concrete query
 */
public abstract class ReadableQuery<Q extends ReadableQuery<Q>> extends DeclaredQuery<Q> {

  /** A family's read rule: the condition on its rows that {@code caller} may read. */
  public interface Rule {
    Restriction of(Authorizer authorizer, Caller caller);

    /** {@link Authorizer#instanceReadable(Caller, String, String, String)} on these columns. */
    static Rule instanceReadable(String instanceIdSql, String definitionKeySql, String tenantIdSql) {
      return (a, caller) -> a.instanceReadable(caller, instanceIdSql, definitionKeySql, tenantIdSql);
    }
  }

  private static final Authorizer AUTHORIZER = new Authorizer();

  private final Function<FilterQuery, Q> copy;
  private final Rule rule;

  /**
   * @param copy a query of the concrete class over other filter values
   */
  protected ReadableQuery(
      FilterQuery filters, String bindPrefix, Function<FilterQuery, Q> copy, Rule rule) {
    super(filters, bindPrefix);
    this.copy = copy;
    this.rule = rule;
  }

  /** This selection restricted to the rows the caller may read. */
  public Q readableBy(Caller caller) {
    return copy.apply(filters().restricted(rule.of(AUTHORIZER, caller)));
  }
}
