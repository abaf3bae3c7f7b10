package dev.tern.engine.testing;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Provides one class run per {@link TestKind} and injects that run's {@link TestDatabase}. */
final class DatabaseTestExtension implements ClassTemplateInvocationContextProvider {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DatabaseTestExtension.class);

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return context.getRequiredTestClass().isAnnotationPresent(DatabaseTest.class);
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(TestKind.values()).map(Invocation::new);
  }

  enum TestKind {
    H2("H2"),
    POSTGRES("PostgreSQL");

    final String displayName;

    TestKind(String displayName) {
      this.displayName = displayName;
    }
  }

  private static final class Invocation implements ClassTemplateInvocationContext {
    private final TestKind kind;
    private final ClassRunDatabase database;

    Invocation(TestKind kind) {
      this.kind = kind;
      this.database = new ClassRunDatabase(kind);
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + kind.displayName + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(database);
    }

    @Override
    public void prepareInvocation(ExtensionContext classRunContext) {
      // JUnit closes AutoCloseable store values when their context (this class run) ends.
      classRunContext.getStore(NAMESPACE).put(ClassRunDatabase.class, database);
    }
  }

  /**
   * The database of one class run: created on first use (so a class run that never asks for it
   * costs nothing), closed and dropped when the class run ends.
   */
  private static final class ClassRunDatabase implements ParameterResolver, AutoCloseable {
    private final TestKind kind;
    private TestDatabase database;

    ClassRunDatabase(TestKind kind) {
      this.kind = kind;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public synchronized Object resolveParameter(
        ParameterContext parameter, ExtensionContext context) {
      if (database == null) {
        database =
            switch (kind) {
              case H2 -> TestDatabases.h2();
              case POSTGRES -> TestDatabases.postgres();
            };
      }
      return database;
    }

    @Override
    public synchronized void close() {
      if (database != null) {
        database.close();
        database = null;
      }
    }
  }
}
