package dev.tern.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's package rules (docs/architecture.md), checked on its main classes. */
class EngineIndependenceTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tern.engine");

  @Test
  void engineKnowsNothingAboutHttp() {
    noClasses()
        .that()
        .resideInAPackage("dev.tern.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "org.eclipse.jetty..",
            "dev.tern.rest..",
            "dev.tern.server..",
            "jakarta.servlet..")
        .check(ENGINE);
  }

  /** Jackson stores JSON values in the engine; mapping DTOs with annotations is the REST layer's. */
  @Test
  void engineUsesNoJacksonAnnotations() {
    noClasses()
        .that()
        .resideInAPackage("dev.tern.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson.annotation..")
        .check(ENGINE);
  }

  @Test
  void enginePackagesAreFreeOfCycles() {
    slices()
        .matching("dev.tern.engine.(*)..")
        .should()
        .beFreeOfCycles()
        .check(ENGINE);
  }
}
