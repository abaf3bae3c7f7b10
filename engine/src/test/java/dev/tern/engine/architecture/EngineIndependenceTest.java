package dev.tern.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineIndependenceTest {

  private final JavaClasses engine =
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
        .resideInAnyPackage("io.javalin..", "dev.tern.rest..", "dev.tern.server..", "jakarta.servlet..")
        .check(engine);
  }
}
