package dev.tern.engine.runtime.el;

import dev.tern.engine.ProcessEngineException;
import jakarta.el.ArrayELResolver;
import jakarta.el.BeanELResolver;
import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.FunctionMapper;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.MethodNotFoundException;
import jakarta.el.PropertyNotFoundException;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.glassfish.expressly.ExpressionFactoryImpl;

/**
 * Jakarta EL for {@code ${…}} in process models. Each expression text is parsed once and cached;
 * evaluation resolves top-level identifiers through a {@link VariableSource}.
 *
 * <p>Errors the model or its data cause (unknown identifiers, syntax errors, missing methods) are
 * {@link ProcessEngineException}s with Camunda's wording; an exception thrown by a called bean
 * method propagates unchanged so the caller sees its own message.
 */
public final class Expressions {

  private final ExpressionFactory factory = new ExpressionFactoryImpl();
  private final ConcurrentMap<String, ValueExpression> cache = new ConcurrentHashMap<>();

  /** Whether a text contains an expression at all (otherwise it is a literal). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Evaluates {@code text} (a literal text evaluates to itself). */
  public Object evaluate(String text, VariableSource variables) {
    ValueExpression expression = parse(text);
    EvaluationContext context = new EvaluationContext(variables);
    try {
      return expression.getValue(context);
    } catch (PropertyNotFoundException e) {
      throw new ProcessEngineException(
          "Unknown property used in expression: " + text + ". Cause: " + e.getMessage());
    } catch (MethodNotFoundException e) {
      throw new ProcessEngineException(
          "Unknown method used in expression: " + text + ". Cause: " + e.getMessage());
    } catch (ELException e) {
      RuntimeException thrownByCallee = unwrapCallee(e);
      if (thrownByCallee != null) {
        throw thrownByCallee;
      }
      throw new ProcessEngineException(
          "Error while evaluating expression: " + text + ". Cause: " + rootMessage(e));
    }
  }

  private ValueExpression parse(String text) {
    ValueExpression cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      ValueExpression parsed =
          factory.createValueExpression(new EvaluationContext(name -> Optional.empty()), text, Object.class);
      cache.putIfAbsent(text, parsed);
      return parsed;
    } catch (ELException e) {
      throw new ProcessEngineException(
          "Error parsing '" + text + "': " + rootMessage(e));
    }
  }

  /** An exception a bean method threw (EL wraps it); null when the error is EL's own. */
  private static RuntimeException unwrapCallee(ELException e) {
    Throwable cause = e.getCause();
    while (cause instanceof ELException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof java.lang.reflect.InvocationTargetException ite) {
      cause = ite.getCause();
    }
    if (cause instanceof RuntimeException runtime && !(cause instanceof ELException)) {
      return runtime;
    }
    if (cause instanceof Exception checked && !(cause instanceof ELException)) {
      return new CalleeException(checked);
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current.getMessage() != null ? current.getMessage() : current.toString();
  }

  /** A checked exception a bean method threw, carried unchecked with the same message. */
  public static final class CalleeException extends RuntimeException {
    CalleeException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static final class EvaluationContext extends ELContext {
    private final ELResolver resolver;

    EvaluationContext(VariableSource variables) {
      CompositeELResolver composite = new CompositeELResolver();
      composite.add(new RootResolver(variables));
      composite.add(new ArrayELResolver(false));
      composite.add(new ListELResolver(false));
      composite.add(new MapELResolver(false));
      composite.add(new BeanELResolver(false));
      this.resolver = composite;
    }

    @Override
    public ELResolver getELResolver() {
      return resolver;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return NoFunctions.INSTANCE;
    }

    @Override
    public VariableMapper getVariableMapper() {
      return NoVariables.INSTANCE;
    }
  }

  /** Resolves identifiers at the top of an expression; anything unknown is an error. */
  private static final class RootResolver extends ELResolver {
    private final VariableSource variables;

    RootResolver(VariableSource variables) {
      this.variables = variables;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base != null) {
        return null;
      }
      String name = String.valueOf(property);
      Optional<Object> value = variables.resolve(name);
      if (value.isEmpty()) {
        throw new PropertyNotFoundException("Cannot resolve identifier '" + name + "'");
      }
      context.setPropertyResolved(true);
      return value.get() == VariableSource.NULL ? null : value.get();
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      // top-level assignment is not supported; other resolvers report it
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (base == null) {
        context.setPropertyResolved(true);
      }
      return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? Object.class : null;
    }
  }

  private static final class NoFunctions extends FunctionMapper {
    static final NoFunctions INSTANCE = new NoFunctions();

    @Override
    public Method resolveFunction(String prefix, String localName) {
      return null;
    }
  }

  private static final class NoVariables extends VariableMapper {
    static final NoVariables INSTANCE = new NoVariables();

    @Override
    public ValueExpression resolveVariable(String variable) {
      return null;
    }

    @Override
    public ValueExpression setVariable(String variable, ValueExpression expression) {
      throw new UnsupportedOperationException("Expressions cannot define variables");
    }
  }
}
