package dev.tern.rest.support;

import dev.tern.engine.InvalidRequestException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed access to query parameters with Camunda's messages for bad values, e.g. {@code Cannot set
 * query parameter 'version' to value 'x': Cannot convert value x to java type java.lang.Integer}.
 * Absent parameters read as {@code null}; for typed parameters an empty value counts as absent.
 * When a parameter repeats, the first value wins (as in JAX-RS).
 */
public final class QueryParams {

  private final Map<String, List<String>> values;

  public QueryParams(Map<String, List<String>> values) {
    this.values = Map.copyOf(values);
  }

  public static QueryParams of(Context ctx) {
    return new QueryParams(ctx.queryParamMap());
  }

  public boolean has(String name) {
    return raw(name) != null;
  }

  /** The raw value, or {@code null}. */
  public String string(String name) {
    return raw(name);
  }

  /**
   * {@code true} only for {@code true} (any case); every other value is {@code false}. Camunda
   * reads booleans this way and never answers 400 for them.
   */
  public Boolean bool(String name) {
    String value = typed(name);
    return value == null ? null : Boolean.parseBoolean(value);
  }

  public Integer integer(String name) {
    return convert(name, Integer::valueOf, "Cannot convert value %s to java type java.lang.Integer");
  }

  public Long longValue(String name) {
    return convert(name, Long::valueOf, "Cannot convert value %s to java type java.lang.Long");
  }

  /** A date in any form {@link CamundaDates} reads. */
  public Instant date(String name) {
    return convert(
        name,
        v -> CamundaDates.parse(v).orElseThrow(IllegalArgumentException::new),
        "Cannot convert value \"%s\" to java type java.util.Date");
  }

  /** A comma-separated list ({@code a,b,c}); empty elements are dropped; {@code null} if absent. */
  public List<String> list(String name) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** An {@link InvalidRequestException} in Camunda's words for a parameter with a bad value. */
  public static InvalidRequestException invalid(String name, String value, String reason) {
    String message = "Cannot set query parameter '" + name + "' to value '" + value + "'";
    return new InvalidRequestException(reason == null ? message : message + ": " + reason);
  }

  private <T> T convert(String name, Function<String, T> converter, String reasonFormat) {
    String value = typed(name);
    if (value == null) {
      return null;
    }
    try {
      return converter.apply(value.trim());
    } catch (RuntimeException e) {
      throw invalid(name, value, String.format(reasonFormat, value));
    }
  }

  private String typed(String name) {
    String value = raw(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private String raw(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? null : list.get(0);
  }
}
