package dev.tern.engine.el;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.LambdaExpression;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Camunda's expression functions without prefix: {@code now()} (a {@link Date}) and {@code
 * dateTime()} (a {@link DateTimeValue}), both read from the engine's clock in its zone.
 *
 * <p>Jakarta EL looks a prefix-less call {@code f()} up as an identifier first and calls it when it
 * is a lambda, so each function is handed out as a lambda taking no arguments; a variable of the
 * same name takes precedence.
 */
final class DateFunctions {

  private final Clock clock;

  DateFunctions(Clock clock) {
    this.clock = clock;
  }

  Optional<Object> resolve(String name) {
    return switch (name) {
      case "now" -> Optional.of(new Function(name, () -> Date.from(clock.instant())));
      case "dateTime" ->
          Optional.of(new Function(name, () -> DateTimeValue.of(clock.instant(), clock.getZone())));
      default -> Optional.empty();
    };
  }

  private static final class Function extends LambdaExpression {
    private final String name;
    private final Supplier<Object> body;

    Function(String name, Supplier<Object> body) {
      super(List.of(), null);
      this.name = name;
      this.body = body;
    }

    @Override
    public Object invoke(ELContext context, Object... args) {
      return invoke(args);
    }

    @Override
    public Object invoke(Object... args) {
      if (args != null && args.length > 0) {
        throw new ELException("Function '" + name + "' takes no arguments");
      }
      return body.get();
    }
  }
}
