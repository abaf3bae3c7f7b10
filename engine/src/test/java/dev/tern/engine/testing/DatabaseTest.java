package dev.tern.engine.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class once on H2 and once on PostgreSQL (display names {@code [H2]} and
 * {@code [PostgreSQL]}). The class takes a {@link TestDatabase} as constructor parameter: a migrated,
 * empty database private to that class run, closed and dropped after it.
 *
 * <p>PostgreSQL is an embedded server started once per JVM, or the external server named by {@code
 * TERN_TEST_POSTGRES_URL} (with {@code TERN_TEST_POSTGRES_USER} and {@code
 * TERN_TEST_POSTGRES_PASSWORD}); each class run gets its own database on it.
 *
 * <p>Keep the default per-method test instance lifecycle: the test instances of one class run all
 * receive the same {@link TestDatabase}. ({@code @TestInstance(PER_CLASS)} does not work with a
 * class template whose constructor takes parameters.)
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(DatabaseTestExtension.class)
public @interface DatabaseTest {}
