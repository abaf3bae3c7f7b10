package dev.tern.engine.el;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import jakarta.el.ArrayELResolver;
import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.FunctionMapper;
import jakarta.el.ImportHandler;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.MethodNotFoundException;
import jakarta.el.PropertyNotFoundException;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.glassfish.expressly.ExpressionFactoryImpl;
import org.glassfish.expressly.lang.ExpressionBuilder;
import org.glassfish.expressly.parser.AstBracketSuffix;
import org.glassfish.expressly.parser.AstDotSuffix;
import org.glassfish.expressly.parser.AstString;
import org.glassfish.expressly.parser.Node;

/**
 * Jakarta EL for {@code ${…}} in process models. Each expression text is parsed once and cached;
 * evaluation resolves top-level identifiers through a {@link VariableSource}.
 *
 * <p>Errors the model or its data cause (unknown identifiers, syntax errors, missing methods) are
 * {@link ProcessEngineException}s with Camunda's wording; an exception thrown by a called bean
 * method propagates unchanged so the caller sees its own message.
 *
 * <p>Expressions run in a sandbox (see {@link Sandbox}): they read variables and call methods on
 * values, the execution and the engine's beans, but cannot reach classes, class loaders,
 * reflection, processes, threads or files. A refused step fails the evaluation before anything is
 * called; {@link #refusedMembers} finds such steps in a text without evaluating it.
 */
public final class Expressions {

  private final ExpressionFactory factory = new ExpressionFactoryImpl();
  /** Deployed models choose the texts; past this many, new ones are parsed each time instead. */
  private static final int MAX_CACHED = 10_000;

  private final ConcurrentMap<String, ValueExpression> cache = new ConcurrentHashMap<>();
  private final DateFunctions functions;

  /** Expressions whose {@code now()} and {@code dateTime()} read {@code clock}. */
  public Expressions(Clock clock) {
    this.functions = new DateFunctions(clock);
  }

  /** Whether a text contains an expression at all (otherwise it is a literal). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Evaluates {@code text} (a literal text evaluates to itself). */
  public Object evaluate(String text, VariableSource variables) {
    ValueExpression expression = parse(text);
    EvaluationContext context = new EvaluationContext(variables, functions);
    try {
      return expression.getValue(context);
    } catch (PropertyNotFoundException e) {
      throw new ProcessEngineException(
          "Unknown property used in expression: " + text + ". Cause: " + e.getMessage());
    } catch (MethodNotFoundException e) {
      throw new ProcessEngineException(
          "Unknown method used in expression: " + text + ". Cause: " + e.getMessage());
    } catch (ELException e) {
      SandboxedBeanResolver.Refused refused = refusal(e);
      if (refused != null) {
        throw new ProcessEngineException(
            "Expression " + text + " was refused: " + refused.getMessage());
      }
      RuntimeException thrownByCallee = unwrapCallee(e);
      if (thrownByCallee != null) {
        throw thrownByCallee;
      }
      throw new ProcessEngineException(
          "Error while evaluating expression: " + text + ". Cause: " + rootMessage(e));
    }
  }

  /**
   * Evaluates a {@code camunda:delegateExpression}: its value must implement {@code type} (a
   * {@code JavaDelegate}, a {@code TaskListener}, …), else the evaluation fails with Camunda's
   * message.
   */
  public <T> T evaluateDelegate(String text, VariableSource variables, Class<T> type) {
    Object delegate = evaluate(text, variables);
    if (!type.isInstance(delegate)) {
      throw new ProcessEngineException(
          "Delegate expression "
              + text
              + " did not resolve to an implementation of interface "
              + type.getName()
              + " (it resolved to "
              + (delegate == null ? "null" : delegate.getClass().getName())
              + ")");
    }
    return type.cast(delegate);
  }

  /**
   * The members a text names that every evaluation would refuse ({@code getClass}, {@code class},
   * …), found without evaluating it; empty when there are none or the text is no valid expression
   * (evaluation reports that). Members named only at run time ({@code x[name]()}) are refused when
   * evaluated.
   */
  public static List<String> refusedMembers(String text) {
    Node root;
    try {
      root = ExpressionBuilder.createNode(text);
    } catch (ELException | IllegalArgumentException e) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    collectRefused(root, found);
    return found;
  }

  private static void collectRefused(Node node, List<String> found) {
    String member = null;
    if (node instanceof AstDotSuffix) {
      member = node.getImage();
    } else if (node instanceof AstBracketSuffix
        && node.jjtGetNumChildren() == 1
        && node.jjtGetChild(0) instanceof AstString literal) {
      member = literal.getString();
    }
    if (member != null && Sandbox.REFUSED_MEMBERS.contains(member) && !found.contains(member)) {
      found.add(member);
    }
    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
      collectRefused(node.jjtGetChild(i), found);
    }
  }

  private static SandboxedBeanResolver.Refused refusal(Throwable e) {
    for (Throwable current = e; current != null; current = current.getCause()) {
      if (current instanceof SandboxedBeanResolver.Refused refused) {
        return refused;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }

  private ValueExpression parse(String text) {
    ValueExpression cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      ValueExpression parsed =
          factory.createValueExpression(
              new EvaluationContext(name -> Optional.empty(), functions), text, Object.class);
      if (cache.size() < MAX_CACHED) {
        cache.putIfAbsent(text, parsed);
      }
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

  /** Code of the model's (a delegate, a listener) that may throw checked exceptions. */
  @FunctionalInterface
  public interface Callee {
    void call() throws Exception;
  }

  /**
   * Runs code of the model's: an unchecked exception it throws propagates unchanged, a checked one
   * as a {@link CalleeException} with its message, as from a bean method an expression calls.
   */
  public static void call(Callee callee) {
    try {
      callee.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CalleeException(e);
    }
  }

  /**
   * A checked exception a bean method, delegate or listener threw, carried unchecked with the same
   * message (its class name when it has none): a client-visible failure of the model's code, not of
   * the engine.
   */
  public static final class CalleeException extends TernException {
    CalleeException(Exception cause) {
      super(
          Category.BAD_REQUEST,
          "ProcessEngineException",
          cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName(),
          0,
          cause);
    }
  }

  private static final class EvaluationContext extends ELContext {
    private final ELResolver resolver;

    EvaluationContext(VariableSource variables, DateFunctions functions) {
      CompositeELResolver composite = new CompositeELResolver();
      composite.add(new RootResolver(variables, functions));
      composite.add(new ArrayELResolver(false));
      composite.add(new ListELResolver(false));
      composite.add(new MapELResolver(false));
      composite.add(new SandboxedBeanResolver());
      this.resolver = composite;
    }

    /** No class is importable, so no static field or method can be named. */
    @Override
    public ImportHandler getImportHandler() {
      return NoImports.INSTANCE;
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
    private final DateFunctions functions;

    RootResolver(VariableSource variables, DateFunctions functions) {
      this.variables = variables;
      this.functions = functions;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base != null) {
        return null;
      }
      String name = String.valueOf(property);
      Optional<Object> value = variables.resolve(name);
      if (value.isEmpty()) {
        value = functions.resolve(name);
      }
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

  private static final class NoImports extends ImportHandler {
    static final NoImports INSTANCE = new NoImports();

    @Override
    public void importStatic(String name) {
      throw new ELException("Expressions cannot import " + name);
    }

    @Override
    public void importClass(String name) {
      throw new ELException("Expressions cannot import " + name);
    }

    /** Also called by the constructor for {@code java.lang}; ignored, like every package. */
    @Override
    public void importPackage(String packageName) {}

    @Override
    public Class<?> resolveClass(String name) {
      return null;
    }

    @Override
    public Class<?> resolveStatic(String name) {
      return null;
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
