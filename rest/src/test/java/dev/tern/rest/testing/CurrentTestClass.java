package dev.tern.rest.testing;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Remembers which test class is running, for {@link ContractCoverage} (requests made from helper
 * classes or Awaitility's poll thread still belong to it). Registered through {@code
 * META-INF/services}; tests run one class at a time.
 */
public final class CurrentTestClass implements TestExecutionListener {

  private static volatile String current = "unknown";

  static String name() {
    return current;
  }

  @Override
  public void executionStarted(TestIdentifier identifier) {
    identifier.getSource().map(CurrentTestClass::className).ifPresent(name -> current = name);
  }

  private static String className(TestSource source) {
    String name =
        source instanceof MethodSource method
            ? method.getClassName()
            : source instanceof ClassSource type ? type.getClassName() : null;
    return name == null ? null : name.replaceFirst("\\$.*", "");
  }
}
