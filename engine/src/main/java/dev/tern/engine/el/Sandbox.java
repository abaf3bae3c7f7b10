package dev.tern.engine.el;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an expression may touch. A deployed model is untrusted input, so expressions get an
 * allow-list rather than the whole JVM:
 *
 * <ul>
 *   <li>Of the JDK's classes, only values: strings, numbers, booleans, characters, dates and
 *       {@code java.time} values, maps, collections, optionals, UUIDs and arrays. A JDK object of any
 *       other class ({@code Class}, class loaders, reflection, {@code Runtime}, {@code Process}, {@code
 *       System}'s results, threads, files, …) refuses every property read and method call.
 *   <li>Application classes (the engine's beans and what their methods return) may be used, except
 *       the expression language's own classes.
 *   <li>No object, not even an allowed one, answers {@code getClass}, {@code class}, {@code
 *       getClassLoader} or {@code wait}/{@code notify}.
 * </ul>
 *
 * <p>Static members ({@code T.f}, {@code java.lang.Runtime.getRuntime()}) are not reachable at all:
 * unknown identifiers are errors and no classes are imported.
 */
final class Sandbox {

  /** Members no object answers to, whatever its class. */
  static final Set<String> REFUSED_MEMBERS =
      Set.of("class", "getClass", "classLoader", "getClassLoader", "wait", "notify", "notifyAll");

  private static final String[] REFUSED_APPLICATION_PACKAGES = {
    "jakarta.el.", "org.glassfish.expressly.", "javax.el."
  };

  private Sandbox() {}

  /** Why {@code member} may not be read or called on {@code base}; empty when it may. */
  static Optional<String> refusal(Object base, Object member) {
    if (member instanceof String name && REFUSED_MEMBERS.contains(name)) {
      return Optional.of("expressions may not use '" + name + "'");
    }
    if (!allowedBase(base)) {
      return Optional.of(
          "expressions may not use objects of class " + base.getClass().getName());
    }
    return Optional.empty();
  }

  private static boolean allowedBase(Object base) {
    Class<?> type = base.getClass();
    if (type.isArray() || isJdkValue(base)) {
      return true;
    }
    if (isJdkClass(type)) {
      return false;
    }
    String name = type.getName();
    for (String refused : REFUSED_APPLICATION_PACKAGES) {
      if (name.startsWith(refused)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isJdkValue(Object value) {
    return value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Date
        || value instanceof TemporalAccessor && isJdkTime(value.getClass())
        || value instanceof java.time.Duration
        || value instanceof java.time.Period
        || value instanceof Map<?, ?>
        || value instanceof Map.Entry<?, ?>
        || value instanceof Collection<?>
        || value instanceof Iterator<?>
        || value instanceof Optional<?>
        || value instanceof UUID;
  }

  private static boolean isJdkTime(Class<?> type) {
    return type.getName().startsWith("java.time.");
  }

  /** Loaded by the bootstrap or platform class loader: part of the JDK, not of the application. */
  private static boolean isJdkClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
