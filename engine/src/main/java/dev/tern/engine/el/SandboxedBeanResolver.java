package dev.tern.engine.el;

import jakarta.el.BeanELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import java.util.Optional;

/**
 * Java-bean property reads and method calls, refused where {@link Sandbox} says so: this resolver
 * sits last in the chain, so every property or method that no map, list or array resolver answered
 * passes through it.
 */
final class SandboxedBeanResolver extends ELResolver {

  private final BeanELResolver beans = new BeanELResolver(false);

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    check(base, property);
    return base == null ? null : beans.getValue(context, base, property);
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    check(base, method);
    return base == null ? null : beans.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    check(base, property);
    return base == null ? null : beans.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    check(base, property);
    if (base != null) {
      beans.setValue(context, base, property, value);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    check(base, property);
    return base == null || beans.isReadOnly(context, base, property);
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? null : beans.getCommonPropertyType(context, base);
  }

  private static void check(Object base, Object member) {
    if (base == null) {
      return;
    }
    Optional<String> refusal = Sandbox.refusal(base, member);
    if (refusal.isPresent()) {
      throw new Refused(refusal.get());
    }
  }

  /** An expression tried to reach something outside the sandbox; nothing was called. */
  static final class Refused extends ELException {
    Refused(String reason) {
      super(reason);
    }
  }
}
