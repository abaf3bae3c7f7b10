package dev.tern.engine.query;

import dev.tern.engine.query.QuerySnapshot.Variable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The meaning of a {@link VariableCondition} in plain Java, as its Javadoc states it: strings
 * compare with the text form of a value, numbers with every numeric type, booleans and dates with
 * their own type, null with a value that is null.
 */
final class VariableMatch {

  private static final Set<String> NUMERIC = Set.of("integer", "short", "long", "double");

  private VariableMatch() {}

  static boolean any(
      Collection<Variable> variables,
      VariableCondition condition,
      boolean namesIgnoreCase,
      boolean valuesIgnoreCase) {
    return variables.stream()
        .anyMatch(v -> matches(v, condition, namesIgnoreCase, valuesIgnoreCase));
  }

  static boolean matches(
      Variable v, VariableCondition c, boolean namesIgnoreCase, boolean valuesIgnoreCase) {
    boolean name =
        namesIgnoreCase ? v.name().equalsIgnoreCase(c.name()) : v.name().equals(c.name());
    return name && value(v, c, valuesIgnoreCase);
  }

  private static boolean value(Variable v, VariableCondition c, boolean ignoreCase) {
    Object value = c.value();
    VariableOperator op = c.operator();
    if (value == null) {
      boolean isNull =
          v.text() == null && v.longValue() == null && v.doubleValue() == null && v.clob() == null;
      return op == VariableOperator.EQ ? isNull : !isNull;
    }
    if (value instanceof String text) {
      if (v.text() == null) {
        return false;
      }
      String actual = ignoreCase ? v.text().toLowerCase(Locale.ROOT) : v.text();
      String expected = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
      if (op == VariableOperator.LIKE) {
        return like(actual, expected);
      }
      return compare(op, actual.compareTo(expected));
    }
    if (value instanceof Boolean bool) {
      return v.type().equals("boolean")
          && v.longValue() != null
          && compare(op, Long.compare(v.longValue(), bool ? 1L : 0L));
    }
    if (value instanceof Instant instant) {
      return v.type().equals("date")
          && v.longValue() != null
          && compare(op, Long.compare(v.longValue(), instant.toEpochMilli()));
    }
    if (!NUMERIC.contains(v.type())) {
      return false;
    }
    BigDecimal expected = new BigDecimal(value.toString());
    boolean viaLong =
        v.longValue() != null && compare(op, BigDecimal.valueOf(v.longValue()).compareTo(expected));
    boolean viaDouble =
        v.doubleValue() != null
            && compare(op, BigDecimal.valueOf(v.doubleValue()).compareTo(expected));
    return viaLong || viaDouble;
  }

  private static boolean compare(VariableOperator op, int comparison) {
    return switch (op) {
      case EQ -> comparison == 0;
      case NEQ -> comparison != 0;
      case GT -> comparison > 0;
      case GTEQ -> comparison >= 0;
      case LT -> comparison < 0;
      case LTEQ -> comparison <= 0;
      case LIKE -> throw new IllegalStateException("LIKE compares strings only");
    };
  }

  /** SQL {@code LIKE} with {@code %} and {@code _} (no escapes). */
  static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      regex.append(
          switch (ch) {
            case '%' -> ".*";
            case '_' -> ".";
            default -> Pattern.quote(String.valueOf(ch));
          });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}
